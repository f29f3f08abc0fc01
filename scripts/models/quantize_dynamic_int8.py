"""Dynamic int8 quantization, in the graph pattern onnxruntime's `quantize_dynamic` writes.

For each MatMul whose second input is a constant weight W (an initializer, or the transpose of one: the
tied output head):

    x -> DynamicQuantizeLinear -> x_q (uint8), x_scale, x_zero_point     (once per activation)
    MatMulInteger(x_q, W_q (int8), x_zero_point, W_zero_point = 0) -> int32
    Cast(to float) -> Mul(., x_scale * W_scale) -> the MatMul's output

W is quantized per tensor, symmetrically: W_scale = max|W| / 127. For a Gather from a constant table (the
embedding), the table is stored the same way and the gathered rows go through DequantizeLinear.
"""

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def quantize_symmetric_int8(weight: np.ndarray):
    scale = float(np.abs(weight).max()) / 127.0 or 1.0
    quantized = np.clip(np.round(weight / scale), -127, 127).astype(np.int8)
    return quantized, np.float32(scale)


class _Rewriter:
    def __init__(self, graph: onnx.GraphProto):
        self.graph = graph
        self.initializers = {init.name: init for init in graph.initializer}
        self.producers = {out: node for node in graph.node for out in node.output}
        self.nodes = []
        self.new_initializers = []
        self.quantized_activations = {}

    def constant_weight(self, name: str):
        if name in self.initializers:
            return numpy_helper.to_array(self.initializers[name])
        node = self.producers.get(name)
        if node is not None and node.op_type == "Transpose" and node.input[0] in self.initializers:
            perm = list(helper.get_attribute_value(node.attribute[0])) if node.attribute else None
            return np.transpose(numpy_helper.to_array(self.initializers[node.input[0]]), perm)
        return None

    def add_quantized_weight(self, name: str, weight: np.ndarray):
        quantized, scale = quantize_symmetric_int8(weight)
        self.new_initializers += [
            numpy_helper.from_array(quantized, name + "_quantized"),
            numpy_helper.from_array(np.array(scale, dtype=np.float32), name + "_scale"),
            numpy_helper.from_array(np.array(0, dtype=np.int8), name + "_zero_point"),
        ]
        return name + "_quantized", name + "_scale", name + "_zero_point"

    def quantize_activation(self, name: str):
        if name not in self.quantized_activations:
            names = (name + "_quantized", name + "_scale", name + "_zero_point")
            self.nodes.append(helper.make_node("DynamicQuantizeLinear", [name], list(names), name=name + "_QuantizeLinear"))
            self.quantized_activations[name] = names
        return self.quantized_activations[name]

    def rewrite_matmul(self, node, weight: np.ndarray):
        x_q, x_scale, x_zero = self.quantize_activation(node.input[0])
        w_q, w_scale, w_zero = self.add_quantized_weight(node.input[1], weight)
        out = node.output[0]
        base = node.name or out
        self.nodes += [
            helper.make_node("MatMulInteger", [x_q, w_q, x_zero, w_zero], [out + "_output_quantized"], name=base + "_quant"),
            helper.make_node("Cast", [out + "_output_quantized"], [out + "_output_quantized_cast"], name=base + "_cast", to=TensorProto.FLOAT),
            helper.make_node("Mul", [x_scale, w_scale], [base + "_scales_mul"], name=base + "_scales_mul"),
            helper.make_node("Mul", [out + "_output_quantized_cast", base + "_scales_mul"], [out], name=base + "_output_mul"),
        ]

    def rewrite_gather(self, node, table: np.ndarray):
        t_q, t_scale, t_zero = self.add_quantized_weight(node.input[0], table)
        out = node.output[0]
        base = node.name or out
        self.nodes += [
            helper.make_node("Gather", [t_q, node.input[1]], [out + "_quantized"], name=base + "_quant", axis=0),
            helper.make_node("DequantizeLinear", [out + "_quantized", t_scale, t_zero], [out], name=base + "_dequantize"),
        ]

    def run(self):
        for node in self.graph.node:
            if node.op_type == "MatMul":
                weight = self.constant_weight(node.input[1])
                if weight is not None and weight.ndim == 2:
                    self.rewrite_matmul(node, weight)
                    continue
            if node.op_type == "Gather" and node.input[0] in self.initializers:
                table = numpy_helper.to_array(self.initializers[node.input[0]])
                if table.dtype == np.float32 and table.ndim == 2:
                    self.rewrite_gather(node, table)
                    continue
            self.nodes.append(node)


def quantize_dynamic_int8(model: onnx.ModelProto) -> onnx.ModelProto:
    rewriter = _Rewriter(model.graph)
    rewriter.run()
    nodes = _without_dead_nodes(rewriter.nodes, {out.name for out in model.graph.output})
    used = {name for node in nodes for name in node.input}
    initializers = [i for i in model.graph.initializer if i.name in used] + rewriter.new_initializers
    graph = helper.make_graph(nodes, model.graph.name, model.graph.input, model.graph.output, initializers)
    quantized = helper.make_model(graph, opset_imports=model.opset_import, producer_name=model.producer_name)
    quantized.ir_version = model.ir_version
    return quantized


def _without_dead_nodes(nodes: list, graph_outputs: set) -> list:
    """Drops nodes nothing reads any more (the head's transpose of the float embedding)."""
    needed = set(graph_outputs)
    kept = []
    for node in reversed(nodes):
        if any(out in needed for out in node.output):
            kept.append(node)
            needed.update(node.input)
    return list(reversed(kept))
