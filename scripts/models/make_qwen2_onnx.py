#!/usr/bin/python3
"""Writes a Qwen2-architecture causal LM in the layout of onnx-community's published exports.

    /usr/bin/python3 scripts/models/make_qwen2_onnx.py --shape tiny --out test/fixtures/models/tiny-qwen2
    /usr/bin/python3 scripts/models/make_qwen2_onnx.py --shape 0.5b --out ~/.cache/longcodezip-bench-models/0.5b

Needs Debian's python3-torch, python3-onnx, python3-numpy and python3-regex (docs/model-fixtures.md).
"""

import argparse
import json
import os
import sys
import time
import unicodedata

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
# One BLAS thread: the tiny model's training then gives the same weights on every run.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import onnx  # noqa: E402
import torch  # noqa: E402

from byte_level_bpe import ByteLevelBpe, count_words, train_merges  # noqa: E402
from expected_texts import expected_texts  # noqa: E402
from export_onnx import export_model  # noqa: E402
from hf_files import write_hf_files, write_json  # noqa: E402
from quantize_dynamic_int8 import quantize_dynamic_int8  # noqa: E402
from qwen2_torch import Qwen2ForCausalLM  # noqa: E402
from shapes import SHAPES  # noqa: E402
from train_tiny import train  # noqa: E402
from training_corpus import corpus_texts  # noqa: E402

SEED = 20251123


def log(message: str):
    print(message, flush=True)


def write_expected_logprobs(path: str, model, bpe, shape):
    texts = []
    for name, text in expected_texts(bpe.encode, shape.max_position_embeddings):
        ids = bpe.encode(text)
        if bpe.decode(ids) != unicodedata.normalize("NFC", text):
            raise RuntimeError(f"{name}: ids do not decode back to the text")
        texts.append({"name": name, "text": text, "ids": ids, "logprobs": model.log_probs(ids)})
    write_json(path, {
        "description": (
            "Expected values for onnx/model.onnx of this folder. For each text: ids = its token ids from "
            "tokenizer.json (no special tokens added; NFC applied), and logprobs[t - 1] = ln p(ids[t] | "
            "ids[0..t-1]) for t >= 1, computed by the torch fp32 model the ONNX file was exported from "
            "(log-softmax over all vocab_size logits). Written by scripts/models/make_qwen2_onnx.py."
        ),
        "torch": torch.__version__,
        "texts": texts,
    })


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=sorted(SHAPES), required=True)
    parser.add_argument("--out", required=True, help="the model folder to write")
    parser.add_argument("--no-quantized", action="store_true", help="skip onnx/model_quantized.onnx")
    args = parser.parse_args()
    shape = SHAPES[args.shape]
    out = os.path.abspath(os.path.expanduser(args.out))
    onnx_dir = os.path.join(out, "onnx")
    started = time.time()
    torch.manual_seed(SEED)
    torch.set_num_threads(1)

    texts = corpus_texts(shape.corpus_chars, shape.corpus_chars_per_file)
    bpe = ByteLevelBpe(train_merges(count_words(texts), shape.tokenizer_merges))
    if len(bpe) > shape.vocab_size:
        raise RuntimeError(f"{len(bpe)} tokenizer ids do not fit a vocabulary of {shape.vocab_size}")
    write_hf_files(out, shape, bpe)
    log(f"tokenizer: {len(bpe)} ids ({len(bpe.merges)} merges) from {sum(map(len, texts)):,} characters "
        f"({time.time() - started:.0f} s)")

    model = Qwen2ForCausalLM(shape)
    model.init_weights(SEED)
    parameters = sum(p.numel() for p in model.parameters())
    log(f"model: {parameters:,} parameters")
    if shape.train_steps:
        separator = bpe.token_id("<|endoftext|>")
        ids = [i for text in texts for i in bpe.encode(text) + [separator]]
        log(f"training {shape.train_steps} steps on {len(ids):,} tokens")
        train(model, ids, shape.train_steps, SEED, log=log)
    model.eval()

    export_model(model, onnx_dir)
    log(f"wrote onnx/model.onnx and onnx/model.onnx_data ({time.time() - started:.0f} s)")
    if shape.name == "tiny":
        write_expected_logprobs(os.path.join(out, "expected-logprobs.json"), model, bpe, shape)
        log("wrote expected-logprobs.json")
    del model

    if not args.no_quantized:
        quantized = quantize_dynamic_int8(onnx.load(os.path.join(onnx_dir, "model.onnx")))
        onnx.save_model(quantized, os.path.join(onnx_dir, "model_quantized.onnx"))
        log(f"wrote onnx/model_quantized.onnx ({time.time() - started:.0f} s)")

    for folder, _, files in sorted(os.walk(out)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            log(f"  {os.path.relpath(path, out)}: {os.path.getsize(path):,} bytes")
    log(json.dumps({"shape": shape.name, "parameters": parameters, "seconds": round(time.time() - started)}))


if __name__ == "__main__":
    main()
