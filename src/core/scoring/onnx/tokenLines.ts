/** Marks a token made of whitespace only: it belongs to no line and is not counted. */
export const NO_LINE = -1;

const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const VERTICAL_TAB = 0x0b;
const FORM_FEED = 0x0c;
const CARRIAGE_RETURN = 0x0d;

/**
 * The line (0-based, lines split on \n) of each token's first non-whitespace byte, or NO_LINE. Works
 * on the tokens' bytes, so a token that carries part of a multi-byte character, or the end of one line
 * and the start of the next, is placed exactly.
 */
export function tokenLines(ids: ArrayLike<number>, bytesOf: (id: number) => Uint8Array): Int32Array {
  const lines = new Int32Array(ids.length);
  let line = 0;
  for (let t = 0; t < ids.length; t++) {
    let found = NO_LINE;
    for (const byte of bytesOf(ids[t]!)) {
      if (byte === LINE_FEED) line += 1;
      else if (found === NO_LINE && !isSpace(byte)) found = line;
    }
    lines[t] = found;
  }
  return lines;
}

function isSpace(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === CARRIAGE_RETURN || byte === VERTICAL_TAB || byte === FORM_FEED;
}

/**
 * Mean log-probability per line. `logProbs[t]` is token t's log-probability given the tokens before it
 * (NaN for a token that was not predicted, such as the first); a line with no predicted token is NaN.
 */
export function lineMeans(logProbs: ArrayLike<number>, lines: Int32Array, lineCount: number): Float64Array {
  const sums = new Float64Array(lineCount);
  const counts = new Int32Array(lineCount);
  for (let t = 0; t < lines.length; t++) {
    const line = lines[t]!;
    const logProb = logProbs[t]!;
    if (line === NO_LINE || line >= lineCount || Number.isNaN(logProb)) continue;
    sums[line] += logProb;
    counts[line] += 1;
  }
  return sums.map((sum, line) => (counts[line]! > 0 ? sum / counts[line]! : Number.NaN));
}
