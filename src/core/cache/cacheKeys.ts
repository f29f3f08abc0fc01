import * as crypto from 'node:crypto';

/** SHA-1 in hex; the one-shot `crypto.hash` (Node 20.12+) is about twice as fast on short texts. */
const sha1Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha1', text, 'hex')
    : (text) => crypto.createHash('sha1').update(text).digest('hex');

/** 128 bits of SHA-1, hex: a key no two different texts share in practice. */
export function textKey(text: string): string {
  return sha1Hex(text).slice(0, 32);
}

/** 64 bits, hex: names a folder of shards (a scorer, a workspace), where only a handful ever coexist. */
export function folderKey(identity: string): string {
  return sha1Hex(identity).slice(0, 16);
}
