/** A line longer than this is machine-made: no one writes or reads 5,000 characters in a row. */
export const MINIFIED_LONGEST_LINE = 5_000;
/**
 * Lines this long on average mark a bundle or data dump even when no single line is over the limit.
 * Prose with one paragraph per line averages well under it, once its blank lines are counted.
 */
export const MINIFIED_MEAN_LINE = 500;
/** The mean only counts for texts at least this long: a short one-line file is not a bundle. */
export const MINIFIED_MEAN_MIN_CHARS = 1_000;

/** Why a text looks minified or generated, as a sentence for the user; undefined when it does not. */
export function minifiedReason(text: string): string | undefined {
  let longest = 0;
  let lines = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    longest = Math.max(longest, end - start);
    lines += 1;
    start = end + 1;
  }
  if (longest > MINIFIED_LONGEST_LINE) {
    return `Its longest line has ${count(longest)} characters (over ${count(MINIFIED_LONGEST_LINE)}): minified or generated.`;
  }
  const mean = lines === 0 ? 0 : text.length / lines;
  if (text.length >= MINIFIED_MEAN_MIN_CHARS && mean > MINIFIED_MEAN_LINE) {
    return `Its lines average ${count(Math.round(mean))} characters (over ${count(MINIFIED_MEAN_LINE)}): minified or generated.`;
  }
  return undefined;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
