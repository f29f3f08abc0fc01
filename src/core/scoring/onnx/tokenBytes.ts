/**
 * The byte-level BPE alphabet (GPT-2, Qwen): every byte is written as one printable character. Bytes
 * that are printable Latin-1 stand for themselves; the others (controls, space, a few) take the code
 * points from 256 upwards, in byte order.
 */
function byteLevelAlphabet(): Map<number, number> {
  const byCodePoint = new Map<number, number>();
  let next = 256;
  for (let byte = 0; byte < 256; byte++) {
    const printable = (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || (byte >= 0xae && byte <= 0xff);
    byCodePoint.set(printable ? byte : next++, byte);
  }
  return byCodePoint;
}

/**
 * The bytes of each token of a vocabulary: byte-level tokens are decoded through the alphabet above,
 * added tokens (written literally in tokenizer.json) are their UTF-8, and for any other tokenizer the
 * token's decoded text stands in.
 */
export function tokenBytesTable(
  tokenOf: (id: number) => string | undefined,
  options: { readonly byteLevel: boolean; readonly added: ReadonlyMap<number, string>; readonly decode: (id: number) => string },
): (id: number) => Uint8Array {
  const alphabet = byteLevelAlphabet();
  const cache = new Map<number, Uint8Array>();
  const compute = (id: number): Uint8Array => {
    const added = options.added.get(id);
    if (added !== undefined) return Buffer.from(added, 'utf8');
    const token = tokenOf(id);
    if (!options.byteLevel || token === undefined) return Buffer.from(options.decode(id), 'utf8');
    const bytes: number[] = [];
    for (const char of token) {
      const byte = alphabet.get(char.codePointAt(0)!);
      if (byte !== undefined) bytes.push(byte);
      else bytes.push(...Buffer.from(char, 'utf8'));
    }
    return Uint8Array.from(bytes);
  };
  return (id) => {
    let bytes = cache.get(id);
    if (!bytes) {
      bytes = compute(id);
      cache.set(id, bytes);
    }
    return bytes;
  };
}
