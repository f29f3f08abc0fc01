import type { Span } from './findDefinitions';

/**
 * Cuts [start, end) into consecutive pieces of at most `cap` tokens where it can, cutting only at the
 * given boundaries. A stretch between two boundaries that alone exceeds the cap stays one piece.
 * Token counts of pieces are summed from the stretches between boundaries (close: cuts fall at line starts).
 */
export function splitAtBoundaries(
  text: string,
  span: Span,
  boundaries: readonly number[],
  cap: number,
  countTokens: (text: string) => number,
): Span[] {
  const cuts = [...new Set(boundaries)].filter((b) => b > span.start && b < span.end).sort((a, b) => a - b);
  const stops = [...cuts, span.end];
  const pieces: Span[] = [];
  let pieceStart = span.start;
  let pieceTokens = 0;
  let from = span.start;
  for (const stop of stops) {
    const stretch = countTokens(text.slice(from, stop));
    if (pieceTokens > 0 && pieceTokens + stretch > cap) {
      pieces.push({ start: pieceStart, end: from });
      pieceStart = from;
      pieceTokens = 0;
    }
    pieceTokens += stretch;
    from = stop;
  }
  pieces.push({ start: pieceStart, end: span.end });
  return pieces;
}
