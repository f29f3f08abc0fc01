import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText } from '../../../src/core/workspace/decodeText';
import { describeSize } from '../../../src/core/workspace/describeSize';
import { minifiedReason } from '../../../src/core/workspace/minifiedText';

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    assert.deepEqual(decodeText(Buffer.from('caf\u00e9 \u2713\n')), { ok: true, text: 'caf\u00e9 \u2713\n', encoding: 'utf-8' });
    assert.deepEqual(decodeText(Buffer.from('\ufeffx')), { ok: true, text: 'x', encoding: 'utf-8' });
  });

  it('reads "café" saved as windows-1252 / Latin-1', () => {
    assert.deepEqual(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9])), { ok: true, text: 'caf\u00e9', encoding: 'windows-1252' });
    assert.deepEqual(decodeText(Buffer.from([0x93, 0x71, 0x94, 0x20, 0x80, 0x20, 0x9f])), { ok: true, text: '\u201cq\u201d \u20ac \u0178', encoding: 'windows-1252' });
  });

  it('calls a NUL byte in the first 8 KiB binary, but not one after it', () => {
    const early = decodeText(Buffer.from('abc\0def'));
    assert.deepEqual(early, { ok: false, reason: 'binary', detail: 'A NUL byte at offset 3: a binary file.' });
    const late = Buffer.concat([Buffer.from('x'.repeat(9_000)), Buffer.from([0])]);
    assert.equal(decodeText(late).ok, true);
  });

  it('reads UTF-16 with a byte order mark (it is full of NUL bytes)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('def f():\n', 'utf16le')]);
    assert.deepEqual(decodeText(le), { ok: true, text: 'def f():\n', encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('def f():\n', 'utf16le').swap16()]);
    assert.deepEqual(decodeText(be), { ok: true, text: 'def f():\n', encoding: 'utf-16be' });
  });

  it('calls UTF-32 and control-character soup not text, but allows a few controls and escape codes', () => {
    assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])).ok, false);
    const soup = decodeText(Buffer.from([1, 2, 3, 4, 5, 6, 0x41, 0x42]));
    assert.equal(soup.ok === false && soup.reason, 'not-text');
    assert.equal(decodeText(Buffer.from('\x1b[31mred\x1b[0m and a form feed \f and a bell \x07 in a long enough line\n')).ok, true);
  });
});

describe('minifiedReason', () => {
  it('passes ordinary code and prose with one paragraph per line', () => {
    assert.equal(minifiedReason('def f():\n    return 1\n'.repeat(500)), undefined);
    assert.equal(minifiedReason(`${'word '.repeat(120)}\n\n`.repeat(20)), undefined);
    assert.equal(minifiedReason('x'.repeat(900)), undefined, 'a short one-line file');
  });

  it('flags a line over 5,000 characters', () => {
    assert.equal(minifiedReason(`${'short\n'.repeat(100)}${'x'.repeat(5_000)}\n`), undefined);
    assert.equal(minifiedReason(`${'short\n'.repeat(100)}${'x'.repeat(5_001)}\n`), 'Its longest line has 5,001 characters (over 5,000): minified or generated.');
  });

  it('flags lines averaging over 500 characters in a text of 1,000 or more', () => {
    assert.equal(minifiedReason(`${'y'.repeat(1_200)}\n${'z'.repeat(800)}`), 'Its lines average 1,001 characters (over 500): minified or generated.');
  });
});

describe('describeSize', () => {
  it('writes sizes as people read them', () => {
    assert.deepEqual([0, 1, 999, 1_000, 14_249, 1_000_000, 2_400_000, 5_242_900].map(describeSize), ['0 bytes', '1 byte', '999 bytes', '1 KB', '14.2 KB', '1 MB', '2.4 MB', '5.2 MB']);
  });
});
