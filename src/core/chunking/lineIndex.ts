/** Maps UTF-16 offsets of a text to 1-based line numbers and line boundaries. */
export class LineIndex {
  /** Offset where each line starts; line n (1-based) starts at starts[n - 1]. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Lines of the text; a text ending with a line break has an empty last line after it. */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset where the 1-based line starts. */
  startOfLine(line: number): number {
    const start = this.starts[line - 1];
    if (start === undefined) throw new RangeError(`Line ${line} is outside 1-${this.starts.length}.`);
    return start;
  }

  /** The 1-based line holding `offset` (an offset at the very end belongs to the last line). */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Offset of the start of the line holding `offset`. */
  lineStartOf(offset: number): number {
    return this.starts[this.lineAt(offset) - 1]!;
  }

  /** Offset just after the newline ending the line holding `offset` (the text's end on the last line). */
  lineEndOf(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    return newline === -1 ? this.text.length : newline + 1;
  }

  /** 1-based first and last line of the span [start, end), end exclusive. */
  lines(start: number, end: number): { startLine: number; endLine: number } {
    return { startLine: this.lineAt(start), endLine: this.lineAt(Math.max(start, end - 1)) };
  }
}

/** True when the text between `from` and `to` is only spaces, tabs and line breaks. */
export function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) return false;
  }
  return true;
}
