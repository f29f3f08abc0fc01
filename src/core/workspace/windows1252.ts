// What windows-1252 makes of bytes 0x80-0x9F (WHATWG Encoding Standard); every other byte is its own
// code point, as in Latin-1. The five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay C1
// controls, as the standard says.
const HIGH_CONTROLS = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes windows-1252 (what most non-UTF-8 source files are; Latin-1 is its subset). Not TextDecoder:
 * Node 20.18.3 and later decode it as Latin-1, turning `“` and `€` into control characters
 * (nodejs/node#60888).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (char) => String.fromCharCode(HIGH_CONTROLS[char.charCodeAt(0) - 0x80]!));
}
