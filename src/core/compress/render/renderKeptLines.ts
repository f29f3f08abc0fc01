import type { LineRange } from '../lineRange';
import { placeholderFor } from './placeholderLine';
import type { RenderSyntax } from './renderSyntax';
import { indentationOf, isBlank } from './sourceLines';

/**
 * Appends to `out` the kept lines of a file, each gap (run of lines not kept) replaced by one placeholder
 * line at the indentation of the first code it replaces. A gap of blank lines alone becomes one blank line
 * between kept code, nothing at the start or end. Returns false, appending nothing, when no non-blank line
 * is kept. Linear in the kept lines and the number of gaps: gaps are only looked into up to their first
 * non-blank line.
 */
export function renderKeptLines(lines: readonly string[], kept: readonly LineRange[], syntax: RenderSyntax, out: string[]): boolean {
  const ranges = keptRanges(lines, kept, syntax);
  if (ranges.length === 0) return false;
  let next = 1;
  let previousCode = -1; // the last kept line of code (0-based), for indentation blocks
  for (let k = 0; k <= ranges.length; k++) {
    const range = ranges[k];
    const gap = { start: next, end: range ? range.start - 1 : lines.length };
    if (gap.end >= gap.start) {
      const line = gapLine(lines, gap, syntax, previousCode, () => nextKeptCode(lines, ranges, k, syntax));
      if (line !== undefined) out.push(line);
      else if (k > 0 && range) out.push('');
    }
    if (!range) break;
    for (let i = range.start - 1; i < range.end; i++) out.push(lines[i]!);
    if (syntax.indentBlocks) previousCode = Math.max(previousCode, lastCodeLine(lines, range, syntax));
    next = range.end + 1;
  }
  return true;
}

/**
 * The placeholder for a gap, or undefined for a gap of blank lines. In a language of indentation blocks,
 * a gap that would leave a block empty gets the no-op statement, at the indentation of its first code.
 */
function gapLine(
  lines: readonly string[],
  gap: LineRange,
  syntax: RenderSyntax,
  previousCode: number,
  nextCode: () => number,
): string | undefined {
  const firstText = firstNonBlank(lines, gap.start - 1, gap.end - 1);
  if (firstText < 0) return undefined;
  const omitted = gap.end - gap.start + 1;
  if (syntax.indentBlocks && previousCode >= 0) {
    const firstCode = firstCodeLine(lines, firstText, gap.end - 1, syntax);
    if (firstCode >= 0 && leavesBlockEmpty(lines, previousCode, firstCode, nextCode(), syntax)) {
      return placeholderFor(syntax, omitted, indentationOf(lines[firstCode]!), true);
    }
  }
  return placeholderFor(syntax, omitted, indentationOf(lines[firstText]!), false);
}

/**
 * Sorted, clipped to the file, overlapping and touching ranges merged, ranges of blank lines alone
 * dropped (they would only split a placeholder in two). A file that opens a tag on its first line (PHP)
 * keeps that line, so its section is still code.
 */
function keptRanges(lines: readonly string[], kept: readonly LineRange[], syntax: RenderSyntax): LineRange[] {
  let sorted = kept;
  for (let i = 1; i < kept.length; i++) {
    if (kept[i]!.start < kept[i - 1]!.start) {
      sorted = [...kept].sort((a, b) => a.start - b.start);
      break;
    }
  }
  const merged: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const start = Math.max(1, range.start);
    const end = Math.min(lines.length, range.end);
    if (start > end) continue;
    const last = merged[merged.length - 1];
    if (last && start <= last.end + 1) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  const ranges = merged.filter((range) => firstNonBlank(lines, range.start - 1, range.end - 1) >= 0);
  const first = ranges[0];
  if (first && syntax.openTag && first.start > 1 && lines[0]!.startsWith(syntax.openTag)) {
    if (first.start === 2) first.start = 1;
    else ranges.unshift({ start: 1, end: 1 });
  }
  return ranges;
}

/** Index of the first non-blank line in [from, to] (0-based, inclusive), or -1. */
function firstNonBlank(lines: readonly string[], from: number, to: number): number {
  for (let i = from; i <= to; i++) if (!isBlank(lines[i]!)) return i;
  return -1;
}

function isCode(line: string, syntax: RenderSyntax): boolean {
  if (isBlank(line)) return false;
  return syntax.lineComment === undefined || !line.trimStart().startsWith(syntax.lineComment);
}

function firstCodeLine(lines: readonly string[], from: number, to: number, syntax: RenderSyntax): number {
  for (let i = from; i <= to; i++) if (isCode(lines[i]!, syntax)) return i;
  return -1;
}

function lastCodeLine(lines: readonly string[], range: LineRange, syntax: RenderSyntax): number {
  for (let i = range.end - 1; i >= range.start - 1; i--) if (isCode(lines[i]!, syntax)) return i;
  return -1;
}

/** The first kept line of code from range k on, or -1 when none follows. */
function nextKeptCode(lines: readonly string[], ranges: readonly LineRange[], k: number, syntax: RenderSyntax): number {
  for (let r = k; r < ranges.length; r++) {
    const found = firstCodeLine(lines, ranges[r]!.start - 1, ranges[r]!.end - 1, syntax);
    if (found >= 0) return found;
  }
  return -1;
}

/**
 * Whether dropping the gap empties a block (Python): the last kept code line opens one (ends with `:`
 * before any comment; gaps start at statements, so the dropped code right after it is its body), and the
 * next kept code, if any, is shallower than that body, so outside the block. The opener's own indentation
 * says nothing: it may be the last line of a signature continued under its parenthesis.
 */
function leavesBlockEmpty(lines: readonly string[], opener: number, firstDropped: number, nextKept: number, syntax: RenderSyntax): boolean {
  if (!withoutLineComment(lines[opener]!, syntax.lineComment!).trimEnd().endsWith(syntax.indentBlocks!.opener)) return false;
  return nextKept < 0 || indentationOf(lines[nextKept]!).length < indentationOf(lines[firstDropped]!).length;
}

/** The line up to a trailing line comment that is not inside a quoted string. */
function withoutLineComment(line: string, marker: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (line.startsWith(marker, i)) {
      return line.slice(0, i);
    }
  }
  return line;
}
