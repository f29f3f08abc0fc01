/** Texts already split, so that a trim loop rendering the same files again and again splits each once. */
const splitCache = new Map<string, readonly string[]>();
let cachedChars = 0;
/** About 16-32 MB of text: far more than the files one compression keeps lines of. */
const CACHE_CHARS = 8_000_000;

/**
 * A file's lines without their line breaks (`\n`, or `\r\n`); a final line break does not start another
 * line, so line i (1-based) is `lines[i - 1]` exactly as chunking counts lines. Memoised by text.
 */
export function linesOf(text: string): readonly string[] {
  const cached = splitCache.get(text);
  if (cached) return cached;
  const lines = splitLines(text);
  if (text.length <= CACHE_CHARS) {
    // Oldest first: evict in insertion order until the new text fits.
    for (const [old] of splitCache) {
      if (cachedChars + text.length <= CACHE_CHARS) break;
      splitCache.delete(old);
      cachedChars -= old.length;
    }
    splitCache.set(text, lines);
    cachedChars += text.length;
  }
  return lines;
}

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}

const NON_BLANK = /\S/;

export function isBlank(line: string): boolean {
  return !NON_BLANK.test(line);
}

/** The leading spaces and tabs of a line. */
export function indentationOf(line: string): string {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(0, i);
}
