import { fieldText, readFields, WIRE_BYTES, WIRE_VARINT } from './protoWire';

// Field numbers of onnx.proto that the outline reads.
const MODEL_GRAPH = 7;
const MODEL_OPSET_IMPORT = 8;
const OPSET_DOMAIN = 1;
const OPSET_VERSION = 2;
const GRAPH_INITIALIZER = 5;
const GRAPH_OUTPUT = 12;
const VALUE_INFO_NAME = 1;
const VALUE_INFO_TYPE = 2;
const TYPE_TENSOR = 1;
const TENSOR_TYPE_ELEMENT = 1;
const TENSOR_EXTERNAL_DATA = 13;
const ENTRY_KEY = 1;
const ENTRY_VALUE = 2;

/** What must be true of the files around a model before ONNX Runtime is asked to load it. */
export interface OnnxOutline {
  /** The version of the default ("ai.onnx") operator set; 0 when the model names none. */
  readonly opset: number;
  /** Each external-data file the weights live in (relative to the model's folder), and the bytes it must hold. */
  readonly externalData: ReadonlyMap<string, number>;
  /** The graph's outputs and their element types (onnx.proto's TensorProto.DataType; 0 if not a tensor). */
  readonly outputs: ReadonlyMap<string, number>;
}

/** Reads the outline of an ONNX model without decoding its weights. Throws MalformedProtoError. */
export function readOnnxOutline(bytes: Uint8Array): OnnxOutline {
  let opset = 0;
  const externalData = new Map<string, number>();
  const outputs = new Map<string, number>();
  for (const field of readFields(bytes)) {
    if (field.wireType !== WIRE_BYTES) continue;
    if (field.number === MODEL_OPSET_IMPORT) {
      let domain = '';
      let version = 0;
      for (const part of readFields(bytes, field.start, field.end)) {
        if (part.number === OPSET_DOMAIN && part.wireType === WIRE_BYTES) domain = fieldText(bytes, part);
        if (part.number === OPSET_VERSION && part.wireType === WIRE_VARINT) version = part.value;
      }
      if (domain === '' || domain === 'ai.onnx') opset = Math.max(opset, version);
    } else if (field.number === MODEL_GRAPH) {
      for (const graphField of readFields(bytes, field.start, field.end)) {
        if (graphField.wireType !== WIRE_BYTES) continue;
        if (graphField.number === GRAPH_OUTPUT) {
          const output = tensorValueInfo(bytes, graphField.start, graphField.end);
          outputs.set(output.name, output.elementType);
        } else if (graphField.number === GRAPH_INITIALIZER) {
          const external = externalPlacement(bytes, graphField.start, graphField.end);
          if (external) externalData.set(external.location, Math.max(externalData.get(external.location) ?? 0, external.end));
        }
      }
    }
  }
  return { opset, externalData, outputs };
}

function tensorValueInfo(bytes: Uint8Array, start: number, end: number): { name: string; elementType: number } {
  let name = '';
  let elementType = 0;
  for (const field of readFields(bytes, start, end)) {
    if (field.wireType !== WIRE_BYTES) continue;
    if (field.number === VALUE_INFO_NAME) name = fieldText(bytes, field);
    if (field.number !== VALUE_INFO_TYPE) continue;
    for (const typeField of readFields(bytes, field.start, field.end)) {
      if (typeField.number !== TYPE_TENSOR || typeField.wireType !== WIRE_BYTES) continue;
      for (const tensorField of readFields(bytes, typeField.start, typeField.end)) {
        if (tensorField.number === TENSOR_TYPE_ELEMENT && tensorField.wireType === WIRE_VARINT) elementType = tensorField.value;
      }
    }
  }
  return { name, elementType };
}

/** Where a tensor's bytes live outside the model file, if they do. */
function externalPlacement(bytes: Uint8Array, start: number, end: number): { location: string; end: number } | undefined {
  let location: string | undefined;
  let offset = 0;
  let length = 0;
  for (const field of readFields(bytes, start, end)) {
    if (field.number !== TENSOR_EXTERNAL_DATA || field.wireType !== WIRE_BYTES) continue;
    let key = '';
    let value = '';
    for (const part of readFields(bytes, field.start, field.end)) {
      if (part.wireType !== WIRE_BYTES) continue;
      if (part.number === ENTRY_KEY) key = fieldText(bytes, part);
      if (part.number === ENTRY_VALUE) value = fieldText(bytes, part);
    }
    if (key === 'location') location = value;
    else if (key === 'offset') offset = Number(value);
    else if (key === 'length') length = Number(value);
  }
  return location === undefined ? undefined : { location, end: offset + length };
}
