import { ProtoWriter } from './protoWire';

/** The extra input: at each position, the id of the token whose log-prob is wanted there (the next one). */
export const TARGETS_INPUT = 'longcodezip_targets';
/** The extra output: log p(target) at each position, [batch, sequence, 1], float32. */
export const TOKEN_LOG_PROBS_OUTPUT = 'longcodezip_token_log_probs';

const ONNX_FLOAT = 1;
const ONNX_INT64 = 7;
const ATTRIBUTE_INT = 2;

/**
 * Bytes to append to a model file so that ONNX Runtime computes, inside the graph, the log-probability
 * of given next tokens from the logits: log_softmax(logits)[target].
 *
 * Doing this in JavaScript costs about 2.5 ms per position for a 152k vocabulary (four times a 57M
 * model's whole forward pass), and copying the logits out costs 600 KB per position; in the graph it is
 * vectorised and only one number per position leaves the session. Appending works because a message
 * field that appears twice is merged by protobuf parsers, and repeated fields (nodes, inputs, outputs)
 * are concatenated: the model's own bytes are left as they are.
 */
export function logProbHeadAppendix(logitsName: string, logitsAreFloat16: boolean): Uint8Array {
  const graph = new ProtoWriter();
  let logits = logitsName;
  if (logitsAreFloat16) {
    graph.message(1, node('Cast', [logits], 'longcodezip_logits_f32', [intAttribute('to', ONNX_FLOAT)]));
    logits = 'longcodezip_logits_f32';
  }
  graph.message(1, node('LogSoftmax', [logits], 'longcodezip_log_softmax', [intAttribute('axis', -1)]));
  graph.message(1, node('GatherElements', ['longcodezip_log_softmax', TARGETS_INPUT], TOKEN_LOG_PROBS_OUTPUT, [intAttribute('axis', -1)]));
  graph.message(11, valueInfo(TARGETS_INPUT, ONNX_INT64));
  graph.message(12, valueInfo(TOKEN_LOG_PROBS_OUTPUT, ONNX_FLOAT));
  return new ProtoWriter().message(7, graph).finish();
}

function node(opType: string, inputs: readonly string[], output: string, attributes: readonly ProtoWriter[]): ProtoWriter {
  const message = new ProtoWriter();
  for (const input of inputs) message.string(1, input);
  message.string(2, output).string(3, output).string(4, opType);
  for (const attribute of attributes) message.message(5, attribute);
  return message;
}

function intAttribute(name: string, value: number): ProtoWriter {
  return new ProtoWriter().string(1, name).int64(3, value).varint(20, ATTRIBUTE_INT);
}

/** A [batch, sequence, 1] tensor of the given element type. */
function valueInfo(name: string, elementType: number): ProtoWriter {
  const dims = new ProtoWriter()
    .message(1, new ProtoWriter().string(2, 'batch_size'))
    .message(1, new ProtoWriter().string(2, 'sequence_length'))
    .message(1, new ProtoWriter().varint(1, 1));
  const tensor = new ProtoWriter().varint(1, elementType).message(2, dims);
  return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
}
