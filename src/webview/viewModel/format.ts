// How the panel, the editor's marks, the status bar and the notifications write numbers and short
// text: the same in every locale, so tests and screenshots read alike. No `vscode`, no DOM.

/** "1,234". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "1,234 files", "1 file": a count and its noun (plurals with an s). */
export function formatQuantity(n: number, noun: string): string {
  return `${formatCount(n)} ${Math.round(n) === 1 ? noun : `${noun}s`}`;
}

/** "1,234 tokens", "1 token". */
export function formatTokens(n: number): string {
  return formatQuantity(n, 'token');
}

/** "6,210 → 1,480 tokens (4.2×, budget 1,500)": what a compression took in and gave out. */
export function formatTokenFigures(figures: { readonly originalTokens: number; readonly compressedTokens: number; readonly ratio: number; readonly budget: number }): string {
  return `${formatCount(figures.originalTokens)} → ${formatTokens(figures.compressedTokens)} (${formatRatio(figures.ratio)}, budget ${formatCount(figures.budget)})`;
}

/** "<1 ms", "35 ms", "1.2 s". */
export function formatMillis(ms: number): string {
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "4.1×"; an empty output has no ratio. */
export function formatRatio(ratio: number): string {
  return ratio > 0 && Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '–';
}

/** "12–40", or "12" for one line. */
export function formatLines(start: number, end: number): string {
  return start === end ? `${start}` : `${start}–${end}`;
}

/** Text on one line (runs of white space, newlines included, become one space), cut to `max` characters with "…". */
export function oneLine(text: string, max = Number.POSITIVE_INFINITY): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
