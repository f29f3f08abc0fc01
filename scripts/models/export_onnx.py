"""torch -> ONNX in the published layout: onnx/model.onnx with its weights in onnx/model.onnx_data."""

import os
import tempfile

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper

OPSET = 14


def io_names(layers: int):
    past = [f"past_key_values.{i}.{kind}" for i in range(layers) for kind in ("key", "value")]
    present = [f"present.{i}.{kind}" for i in range(layers) for kind in ("key", "value")]
    return ["input_ids", "attention_mask", "position_ids", *past], ["logits", *present]


def dynamic_axes(layers: int) -> dict:
    inputs, outputs = io_names(layers)
    axes = {
        "input_ids": {0: "batch_size", 1: "sequence_length"},
        "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
        "position_ids": {0: "batch_size", 1: "sequence_length"},
        "logits": {0: "batch_size", 1: "sequence_length"},
    }
    for name in inputs[3:]:
        axes[name] = {0: "batch_size", 2: "past_sequence_length"}
    for name in outputs[1:]:
        axes[name] = {0: "batch_size", 2: "total_sequence_length"}
    return axes


def export_model(model, onnx_dir: str):
    """Exports, shares the tied embedding with the output head, writes model.onnx + model.onnx_data."""
    shape = model.shape
    inputs, outputs = io_names(shape.num_hidden_layers)
    # Traced with sizes that differ from each other, so that no size is mistaken for another.
    batch, seq, past = 2, 3, 4
    example = (
        torch.randint(0, shape.vocab_size, (batch, seq)),
        torch.ones(batch, past + seq, dtype=torch.int64),
        torch.arange(past, past + seq).repeat(batch, 1),
        *[torch.randn(batch, shape.num_key_value_heads, past, shape.head_dim) for _ in inputs[3:]],
    )
    with tempfile.TemporaryDirectory() as scratch:
        # Over 2 GB torch writes one file per tensor next to the model: load it back whole.
        path = os.path.join(scratch, "model.onnx")
        with torch.no_grad():
            torch.onnx.export(
                model,
                example,
                path,
                input_names=inputs,
                output_names=outputs,
                dynamic_axes=dynamic_axes(shape.num_hidden_layers),
                opset_version=OPSET,
                do_constant_folding=True,
            )
        proto = onnx.load(path)
    if shape.tie_word_embeddings:
        share_tied_embedding(proto, model.model.embed_tokens.weight.detach().numpy())
    proto.producer_name = "longcodezip scripts/models/make_qwen2_onnx.py"
    os.makedirs(onnx_dir, exist_ok=True)
    path = os.path.join(onnx_dir, "model.onnx")
    save_with_external_data(proto, path)
    onnx.checker.check_model(path)


def share_tied_embedding(proto: onnx.ModelProto, embedding: np.ndarray):
    """torch folds the head's transpose of the embedding into a second copy; use one tensor instead."""
    graph = proto.graph
    by_name = {init.name: init for init in graph.initializer}
    embedding_name = next(
        init.name for init in graph.initializer
        if tuple(init.dims) == embedding.shape and np.array_equal(numpy_helper.to_array(init), embedding)
    )
    for node in graph.node:
        if node.op_type != "MatMul" or node.input[1] not in by_name:
            continue
        copy = by_name[node.input[1]]
        if tuple(copy.dims) == embedding.T.shape and np.array_equal(numpy_helper.to_array(copy), embedding.T):
            transposed = embedding_name + "_transposed"
            graph.node.insert(
                list(graph.node).index(node),
                helper.make_node("Transpose", [embedding_name], [transposed], name="lm_head_transpose", perm=[1, 0]),
            )
            node.input[1] = transposed
            graph.initializer.remove(copy)
            return
    raise RuntimeError("no output head sharing the embedding was found")


def save_with_external_data(proto: onnx.ModelProto, path: str):
    data_name = os.path.basename(path) + "_data"
    data_path = os.path.join(os.path.dirname(path), data_name)
    if os.path.exists(data_path):
        os.remove(data_path)  # onnx appends to an existing data file
    onnx.save_model(
        proto,
        path,
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=data_name,
        size_threshold=1024,
    )
