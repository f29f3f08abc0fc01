// How the panel writes numbers: the same in every locale, so tests and screenshots read alike.

/** "1,234". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "1,234 tokens", "1 token". */
export function formatTokens(n: number): string {
  return `${formatCount(n)} ${Math.round(n) === 1 ? 'token' : 'tokens'}`;
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
