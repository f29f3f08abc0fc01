// How a chunk's score is shown: the panel's rows and the editor's CodeLens and hovers read it from here,
// so both say "fused score 0.83" of the same chunk. No `vscode`, no DOM: the webview bundles it too.
import type { ResultForView } from './resultForView';

/** The score that decided, and the range of this result's ranked chunks it is shown on. */
export interface ScoreScale {
  /** "fused score" under the n-gram scorer, "AMI score" under a neural one (or as the ranking setting says). */
  readonly label: 'fused score' | 'AMI score';
  readonly low: number;
  readonly high: number;
}

type ScoredResult = Pick<ResultForView, 'parameters' | 'scorer' | 'files'>;

/** Which score decided the order: the fusion with the n-gram scorer, AMI with a neural one (the engine's effectiveMode). */
export function decidingScore(result: Pick<ResultForView, 'parameters' | 'scorer'>): 'fused' | 'ami' {
  const mode = result.parameters.ranking;
  if (mode !== 'auto') return mode;
  return result.scorer.name === 'ngram' ? 'fused' : 'ami';
}

/** The deciding score's name and the lowest and highest score of the result's ranked chunks. */
export function scoreScale(result: ScoredResult): ScoreScale {
  const scores = result.files.flatMap((file) => file.chunks.map((chunk) => chunk.score)).filter(isRanked);
  return { label: decidingScore(result) === 'fused' ? 'fused score' : 'AMI score', low: Math.min(...scores), high: Math.max(...scores) };
}

/** A score on the result's own 0..1 scale: 0 = the lowest ranked chunk, 1 = the best (also when all are equal). */
export function scaledScore(score: number, scale: ScoreScale): number {
  return scale.high > scale.low ? (score - scale.low) / (scale.high - scale.low) : 1;
}

/** "fused score 0.83": the scaled score as the CodeLens and the panel's rows say it. */
export function scaledScoreText(score: number, scale: ScoreScale): string {
  return `${scale.label} ${scaledScore(score, scale).toFixed(2)}`;
}

/** The engine's own value, three significant digits: fused scores are small (RRF), AMI ones are bits. */
export function formatRawScore(score: number): string {
  return Number.isFinite(score) ? Number(score.toPrecision(3)).toString() : 'none';
}

/** True for a chunk's score when the chunk was ranked. */
export function isRanked(score: number | undefined): score is number {
  return score !== undefined && Number.isFinite(score);
}
