import type { ScoringCounts, StageTimings } from '../../core/compress/compressionResult';
import { formatCount, formatMillis, formatQuantity, formatRatio } from './format';
import type { ResultForView } from './resultForView';

export type StageName = Exclude<keyof StageTimings, 'total'>;

/** One stage's time as a bar: its share of the longest stage, so the slowest fills the bar. */
export interface StageBar {
  readonly stage: StageName;
  readonly label: string;
  readonly millis: number;
  readonly text: string;
  /** 0..1. */
  readonly share: number;
}

/** The figures above the tree: what went in, what came out, how long, with what. */
export interface ResultHeader {
  readonly originalTokens: string;
  readonly compressedTokens: string;
  readonly budget: string;
  readonly ratio: string;
  /** "12 of 48 chunks kept". */
  readonly chunks: string;
  readonly stages: readonly StageBar[];
  readonly totalTime: string;
  /** "ngram scorer", "onnx scorer". */
  readonly scorer: string;
  readonly model: string;
  /** "cpu", "cuda · fp16". */
  readonly device: string;
  /** "Ranking: 81 scores from the cache, none computed"; undefined when the result does not count. */
  readonly scoring: string | undefined;
  readonly notes: readonly string[];
  readonly skipped: string | undefined;
}

const STAGE_LABELS: Readonly<Record<StageName, string>> = {
  chunk: 'Chunk',
  rank: 'Rank',
  coarse: 'Select',
  fine: 'Trim',
  render: 'Render',
};

export function resultHeader(result: ResultForView): ResultHeader {
  const chunks = result.files.flatMap((file) => file.chunks);
  const kept = chunks.filter((chunk) => chunk.status !== 'dropped').length;
  const stages = (Object.keys(STAGE_LABELS) as StageName[]).map((stage) => ({ stage, millis: result.timings[stage] }));
  const longest = Math.max(...stages.map((stage) => stage.millis));
  const { scorer } = result;
  return {
    originalTokens: formatCount(result.totals.originalTokens),
    compressedTokens: formatCount(result.totals.compressedTokens),
    budget: formatCount(result.parameters.budget),
    ratio: formatRatio(result.totals.ratio),
    chunks: `${formatCount(kept)} of ${formatCount(chunks.length)} chunks kept`,
    stages: stages.map(({ stage, millis }) => ({
      stage,
      label: STAGE_LABELS[stage],
      millis,
      text: formatMillis(millis),
      share: longest > 0 ? millis / longest : 0,
    })),
    totalTime: formatMillis(result.timings.total),
    scorer: `${scorer.name} scorer`,
    model: scorer.model,
    device: scorer.name === 'ngram' ? scorer.device : `${scorer.device} · ${scorer.dtype}`,
    scoring: result.scoring && scoringLine(result.scoring),
    notes: result.notes,
    skipped: result.skipped.length > 0 ? `${formatQuantity(result.skipped.length, 'file')} skipped` : undefined,
  };
}

function scoringLine({ rank, fine }: ScoringCounts): string {
  const fromCache = `Ranking: ${formatQuantity(rank.cached, 'score')} from the cache`;
  const ranking = rank.scored === 0 ? `${fromCache}, none computed` : `${fromCache}, ${formatCount(rank.scored)} computed`;
  const missing = rank.missing + fine.missing;
  const unscored = missing === 0 ? '' : `; ${formatCount(missing)} never scored (re-selected from the cache)`;
  if (fine.scored === 0) return `${ranking}${unscored}`;
  return `${ranking}; trimming scored ${formatCount(fine.scored)} new ${fine.scored === 1 ? 'text' : 'texts'}${unscored}`;
}
