import * as ort from 'onnxruntime-node';
import type { DeviceName } from './devices/deviceName';
import { ProtoWriter } from './protoWire';

const ONNX_FLOAT = 1;
const SIZE = 8;

/**
 * The short check a GPU device passes before a model is loaded on it: an 8x8 MatMul in a graph built
 * here, run on the device alone, compared with the product computed in JavaScript. Throws what went
 * wrong (no adapter, a provider library that does not load, a wrong answer); resolves when the device
 * computes. Loading a 1 GB model onto a device that then fails costs far more.
 */
export async function checkDevice(device: DeviceName): Promise<void> {
  const session = await ort.InferenceSession.create(matMulModel(), { executionProviders: [device], logSeverityLevel: 3 });
  try {
    const a = Float32Array.from({ length: SIZE * SIZE }, (_, i) => ((i * 7) % 11) - 5);
    const feeds = { a: new ort.Tensor('float32', a, [SIZE, SIZE]) };
    const output = (await session.run(feeds)).product!.data as Float32Array;
    for (let row = 0; row < SIZE; row++) {
      for (let col = 0; col < SIZE; col++) {
        let expected = 0;
        for (let k = 0; k < SIZE; k++) expected += a[row * SIZE + k]! * a[k * SIZE + col]!;
        if (Math.abs(output[row * SIZE + col]! - expected) > 1e-3) {
          throw new Error(`a test product came out wrong (${output[row * SIZE + col]} instead of ${expected})`);
        }
      }
    }
  } finally {
    await session.release();
  }
}

/** product = a x a, a: float [8, 8], opset 13. */
function matMulModel(): Uint8Array {
  const tensor = (name: string) =>
    new ProtoWriter().string(1, name).message(
      2,
      new ProtoWriter().message(
        1,
        new ProtoWriter().varint(1, ONNX_FLOAT).message(2, new ProtoWriter().message(1, new ProtoWriter().varint(1, SIZE)).message(1, new ProtoWriter().varint(1, SIZE))),
      ),
    );
  const node = new ProtoWriter().string(1, 'a').string(1, 'a').string(2, 'product').string(3, 'product').string(4, 'MatMul');
  const graph = new ProtoWriter().message(1, node).string(2, 'longcodezip_device_check').message(11, tensor('a')).message(12, tensor('product'));
  return new ProtoWriter()
    .varint(1, 8)
    .message(8, new ProtoWriter().string(1, '').varint(2, 13))
    .message(7, graph)
    .finish();
}
