import { decodeWindows1252 } from './windows1252';
import type { TextEncodingName } from './workspaceFile';

export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName }
  | { readonly ok: false; readonly reason: 'binary' | 'not-text'; readonly detail: string };

/** How far into a file to look for NUL bytes, as git and grep do. */
export const BINARY_SNIFF_BYTES = 8 * 1024;
/** A decoded text with a larger share of control characters is not text. */
export const MAX_CONTROL_SHARE = 0.1;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });

/**
 * Turns a file's bytes into text: UTF-16 when a byte order mark says so, else binary if a NUL byte comes
 * early, else UTF-8 (without its BOM), else windows-1252, which decodes any byte and is what most
 * non-UTF-8 source files are (Latin-1 is its subset). The result must then look like text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return { ok: false, reason: 'not-text', detail: 'UTF-32 text, which is not supported.' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return checked(utf16le.decode(bytes.subarray(2)), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return checked(utf16be.decode(bytes.subarray(2)), 'utf-16be');
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'binary', detail: `A NUL byte at offset ${nul.toLocaleString('en-US')}: a binary file.` };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return checked(decodeWindows1252(body), 'windows-1252');
  }
  return checked(text, 'utf-8');
}

// C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape (coloured
// logs); DEL; C1 controls (what windows-1252 makes of its five undefined bytes); and U+FFFD, which the
// UTF-16 decoders put in place of broken surrogates.
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]/;
const CONTROLS = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]/g;

function checked(text: string, encoding: TextEncodingName): DecodedText {
  if (!CONTROL.test(text)) return { ok: true, text, encoding };
  const share = (text.match(CONTROLS)?.length ?? 0) / text.length;
  if (share <= MAX_CONTROL_SHARE) return { ok: true, text, encoding };
  return {
    ok: false,
    reason: 'not-text',
    detail: `Decoded as ${encoding}, ${Math.round(share * 100)}% of it is control characters: not text.`,
  };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}
