import type { RankedChunk } from '../retrieval/rankChunks';
import type { EvidenceKind } from '../retrieval/structure/evidence';
import type { ScorerInfo } from '../scoring/scorer';
import type { CappedText } from './capToBudget';
import type { CompressionRequest } from './compressionRequest';
import type { ChunkDecision, CompressionResult, FileDecision, ScoringCounts, StageTimings } from './compressionResult';
import type { ContextIndex } from './contextIndex';
import { keptChunks, keptLinesOf } from './selection';

export interface ResultParts {
  readonly request: CompressionRequest;
  readonly index: ContextIndex;
  readonly query: string;
  readonly ranked: readonly RankedChunk[];
  /** Completion mode: each chunk's structural evidence. */
  readonly evidence?: ReadonlyMap<string, readonly EvidenceKind[]>;
  readonly capped: CappedText;
  readonly scorer: ScorerInfo;
  readonly scoring: ScoringCounts | undefined;
  readonly timings: Omit<StageTimings, 'total'>;
  readonly notes: readonly string[];
}

/** The report of one compression: every chunk's decision and why, the totals, the stage timings. */
export function buildResult(parts: ResultParts): CompressionResult {
  const { index, capped } = parts;
  const { selection } = capped;
  const kept = keptChunks(selection, index);
  const picks = new Set(selection.picks);
  const ranks = new Map(parts.ranked.map((entry) => [entry.id, entry]));
  let originalTokens = 0;

  const files: FileDecision[] = [...index.files.values()].map((file) => {
    let fileTokens = 0;
    let fileKept = 0;
    const chunks = file.chunks.map((chunk): ChunkDecision => {
      const tokens = index.tokens(chunk.id);
      const trimmed = selection.trimmed.get(chunk.id);
      const isKept = kept.has(chunk.id);
      const keptTokens = !isKept ? 0 : (trimmed?.keptTokens ?? tokens);
      const rank = ranks.get(chunk.id);
      fileTokens += tokens;
      fileKept += keptTokens;
      return {
        id: chunk.id,
        path: chunk.path,
        kind: chunk.kind,
        name: chunk.name,
        parent: chunk.parent,
        startLine: chunk.startLine,
        endLine: chunk.endLine,
        status: selection.pinned.has(chunk.id) ? 'pinned' : !isKept ? 'dropped' : trimmed ? 'partial' : 'kept',
        reason: selection.pinned.has(chunk.id) ? 'pinned' : picks.has(chunk.id) ? 'ranked' : isKept ? 'container' : undefined,
        tokens,
        keptTokens,
        keptLines: isKept ? keptLinesOf(chunk.id, selection, index) : [],
        score: rank?.score,
        components: rank ? { ami: rank.ami, bm25: rank.bm25, ...rank.extra } : {},
        ...(parts.evidence?.has(chunk.id) ? { evidence: parts.evidence.get(chunk.id) } : {}),
        blocks: trimmed?.blocks,
      };
    });
    originalTokens += fileTokens;
    return { path: file.path, language: file.language, tokens: fileTokens, keptTokens: fileKept, chunks };
  });

  const total = Object.values(parts.timings).reduce((sum, millis) => sum + millis, 0);
  return {
    text: capped.text,
    mode: parts.request.query.mode,
    query: parts.query,
    parameters: parts.request.parameters,
    files,
    skipped: parts.request.skipped ?? [],
    totals: {
      originalTokens,
      compressedTokens: capped.tokens,
      ratio: capped.tokens > 0 ? originalTokens / capped.tokens : 0,
    },
    timings: { ...parts.timings, total: Math.round(total * 10) / 10 },
    scorer: parts.scorer,
    ...(parts.scoring && { scoring: parts.scoring }),
    notes: parts.notes,
  };
}
