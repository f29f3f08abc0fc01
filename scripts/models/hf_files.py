"""The JSON files next to the ONNX model, as in onnx-community's Qwen2.5-Coder exports."""

import json
import os

from byte_level_bpe import QWEN2_SPLIT_PATTERN

TRANSFORMERS_VERSION = "4.44.0"


def write_json(path: str, value):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False, indent=2)
        handle.write("\n")


def config_json(shape, bpe) -> dict:
    return {
        "architectures": ["Qwen2ForCausalLM"],
        "attention_dropout": 0.0,
        "bos_token_id": bpe.token_id("<|endoftext|>"),
        "eos_token_id": bpe.token_id("<|im_end|>"),
        "hidden_act": "silu",
        "hidden_size": shape.hidden_size,
        "initializer_range": 0.02,
        "intermediate_size": shape.intermediate_size,
        "max_position_embeddings": shape.max_position_embeddings,
        "max_window_layers": shape.num_hidden_layers,
        "model_type": "qwen2",
        "num_attention_heads": shape.num_attention_heads,
        "num_hidden_layers": shape.num_hidden_layers,
        "num_key_value_heads": shape.num_key_value_heads,
        "rms_norm_eps": shape.rms_norm_eps,
        "rope_scaling": None,
        "rope_theta": shape.rope_theta,
        "sliding_window": shape.max_position_embeddings,
        "tie_word_embeddings": shape.tie_word_embeddings,
        "torch_dtype": "float32",
        "transformers_version": TRANSFORMERS_VERSION,
        "use_cache": True,
        "use_sliding_window": False,
        "vocab_size": shape.vocab_size,
        # transformers.js reads this: model.onnx keeps its weights in one external file, model.onnx_data.
        "transformers.js_config": {"use_external_data_format": {"model.onnx": 1}},
    }


def generation_config_json(bpe) -> dict:
    return {
        "bos_token_id": bpe.token_id("<|endoftext|>"),
        "pad_token_id": bpe.token_id("<|endoftext|>"),
        "do_sample": True,
        "eos_token_id": [bpe.token_id("<|im_end|>"), bpe.token_id("<|endoftext|>")],
        "repetition_penalty": 1.1,
        "temperature": 0.7,
        "top_p": 0.8,
        "top_k": 20,
        "transformers_version": TRANSFORMERS_VERSION,
    }


def _added_token(content: str, token_id: int) -> dict:
    return {
        "id": token_id,
        "content": content,
        "single_word": False,
        "lstrip": False,
        "rstrip": False,
        "normalized": False,
        "special": True,
    }


def tokenizer_json(bpe) -> dict:
    byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": False}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [_added_token(t, i) for t, i in bpe.special_tokens.items()],
        "normalizer": {"type": "NFC"},
        "pre_tokenizer": {
            "type": "Sequence",
            "pretokenizers": [
                {"type": "Split", "pattern": {"Regex": QWEN2_SPLIT_PATTERN}, "behavior": "Isolated", "invert": False},
                byte_level,
            ],
        },
        "post_processor": byte_level,
        "decoder": byte_level,
        "model": {
            "type": "BPE",
            "dropout": None,
            "unk_token": None,
            "continuing_subword_prefix": "",
            "end_of_word_suffix": "",
            "fuse_unk": False,
            "byte_fallback": False,
            "ignore_merges": False,
            "vocab": bpe.vocab,
            "merges": [f"{left} {right}" for left, right in bpe.merges],
        },
    }


def tokenizer_config_json(bpe, shape) -> dict:
    return {
        "add_bos_token": False,
        "add_prefix_space": False,
        "added_tokens_decoder": {
            str(i): {k: v for k, v in _added_token(t, i).items() if k not in ("id",)}
            for t, i in bpe.special_tokens.items()
        },
        "additional_special_tokens": ["<|im_start|>", "<|im_end|>"],
        "bos_token": None,
        "chat_template": (
            "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content']"
            " + '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}"
            "{{ '<|im_start|>assistant\\n' }}{% endif %}"
        ),
        "clean_up_tokenization_spaces": False,
        "eos_token": "<|im_end|>",
        "errors": "replace",
        "model_max_length": shape.max_position_embeddings,
        "pad_token": "<|endoftext|>",
        "split_special_tokens": False,
        "tokenizer_class": "Qwen2Tokenizer",
        "unk_token": None,
    }


def write_hf_files(out_dir: str, shape, bpe):
    os.makedirs(out_dir, exist_ok=True)
    write_json(os.path.join(out_dir, "config.json"), config_json(shape, bpe))
    write_json(os.path.join(out_dir, "generation_config.json"), generation_config_json(bpe))
    write_json(os.path.join(out_dir, "tokenizer.json"), tokenizer_json(bpe))
    write_json(os.path.join(out_dir, "tokenizer_config.json"), tokenizer_config_json(bpe, shape))
