/** A run of whole lines of a file: 1-based, inclusive. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

export function lineCount(range: LineRange): number {
  return range.end - range.start + 1;
}
