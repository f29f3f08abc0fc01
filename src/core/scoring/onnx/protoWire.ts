// Just enough of the protocol-buffers wire format to read an ONNX model's outline and to write a few
// small messages (docs/onnx-scorer.md: the log-prob head appended to the model).

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

/** One field as read: a number for varints, the bytes' position for length-delimited fields. */
export interface WireField {
  readonly number: number;
  readonly wireType: number;
  readonly value: number;
  /** For length-delimited fields: where the bytes start and end in the buffer. */
  readonly start: number;
  readonly end: number;
}

export class MalformedProtoError extends Error {
  override readonly name = 'MalformedProtoError';
}

/**
 * The fields of the message between `start` and `end`, in order. Varints above 2^53 lose precision
 * (no ONNX size or offset reaches that); groups (deprecated) are rejected as malformed.
 */
export function* readFields(bytes: Uint8Array, start = 0, end = bytes.length): Generator<WireField> {
  let at = start;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (at >= end) throw new MalformedProtoError('a number runs past the end of its message');
      const byte = bytes[at++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw new MalformedProtoError('a number is longer than 10 bytes');
  };
  while (at < end) {
    const key = varint();
    const number = Math.floor(key / 8);
    const wireType = key % 8;
    if (number === 0) throw new MalformedProtoError('field number 0');
    switch (wireType) {
      case WIRE_VARINT:
        yield { number, wireType, value: varint(), start: at, end: at };
        break;
      case WIRE_FIXED64:
      case WIRE_FIXED32: {
        const size = wireType === WIRE_FIXED64 ? 8 : 4;
        if (at + size > end) throw new MalformedProtoError('a fixed-size field runs past the end of its message');
        yield { number, wireType, value: 0, start: at, end: at + size };
        at += size;
        break;
      }
      case WIRE_BYTES: {
        const length = varint();
        if (at + length > end) throw new MalformedProtoError('a field runs past the end of its message');
        yield { number, wireType, value: length, start: at, end: at + length };
        at += length;
        break;
      }
      default:
        throw new MalformedProtoError(`unknown wire type ${wireType}`);
    }
  }
}

export function fieldText(bytes: Uint8Array, field: WireField): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + field.start, field.end - field.start).toString('utf8');
}

/** Builds one message, field by field. */
export class ProtoWriter {
  private readonly parts: number[] = [];

  varint(number: number, value: number): this {
    this.key(number, WIRE_VARINT);
    this.rawVarint(value);
    return this;
  }

  /** A signed int64 (negative values take ten bytes, two's complement). */
  int64(number: number, value: number): this {
    if (value >= 0) return this.varint(number, value);
    this.key(number, WIRE_VARINT);
    let rest = BigInt.asUintN(64, BigInt(value));
    while (rest >= 0x80n) {
      this.parts.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.parts.push(Number(rest));
    return this;
  }

  string(number: number, value: string): this {
    return this.bytes(number, Buffer.from(value, 'utf8'));
  }

  message(number: number, message: ProtoWriter): this {
    return this.bytes(number, message.finish());
  }

  bytes(number: number, value: Uint8Array): this {
    this.key(number, WIRE_BYTES);
    this.rawVarint(value.length);
    for (const byte of value) this.parts.push(byte);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }

  private key(number: number, wireType: number): void {
    this.rawVarint(number * 8 + wireType);
  }

  private rawVarint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.parts.push((rest % 128) | 0x80);
      rest = Math.floor(rest / 128);
    }
    this.parts.push(rest);
  }
}
