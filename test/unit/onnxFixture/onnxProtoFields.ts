// Just enough of the protobuf wire format to read an ONNX file's node types and where its weights live.

interface Field {
  number: number;
  /** varint value, or the bytes of a length-delimited field */
  value: number | Uint8Array;
}

function* fields(bytes: Uint8Array): Generator<Field> {
  let at = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[at++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
  };
  while (at < bytes.length) {
    const key = varint();
    const wireType = key % 8;
    const number = Math.floor(key / 8);
    if (wireType === 0) {
      yield { number, value: varint() };
    } else if (wireType === 2) {
      const length = varint();
      yield { number, value: bytes.subarray(at, at + length) };
      at += length;
    } else if (wireType === 1 || wireType === 5) {
      at += wireType === 1 ? 8 : 4;
    } else {
      throw new Error(`unsupported protobuf wire type ${wireType}`);
    }
  }
}

function children(bytes: Uint8Array, number: number): Uint8Array[] {
  return [...fields(bytes)].filter((f) => f.number === number && f.value instanceof Uint8Array).map((f) => f.value as Uint8Array);
}

// Field numbers from onnx.proto: ModelProto.graph = 7; GraphProto.node = 1, .initializer = 5;
// NodeProto.op_type = 4; TensorProto.name = 8, .raw_data = 9, .data_location = 14 (1 = EXTERNAL).
function graphOf(model: Uint8Array): Uint8Array {
  const [graph] = children(model, 7);
  if (!graph) throw new Error('no graph in this ONNX file');
  return graph;
}

export function nodeTypes(model: Uint8Array): string[] {
  const decoder = new TextDecoder();
  return children(graphOf(model), 1).map((node) => decoder.decode(children(node, 4)[0]));
}

export interface InitializerPlace {
  name: string;
  external: boolean;
  inlineBytes: number;
}

export function initializerPlaces(model: Uint8Array): InitializerPlace[] {
  const decoder = new TextDecoder();
  return children(graphOf(model), 5).map((tensor) => {
    const all = [...fields(tensor)];
    return {
      name: decoder.decode(all.find((f) => f.number === 8)?.value as Uint8Array),
      external: all.some((f) => f.number === 14 && f.value === 1),
      inlineBytes: children(tensor, 9).reduce((sum, raw) => sum + raw.length, 0),
    };
  });
}
