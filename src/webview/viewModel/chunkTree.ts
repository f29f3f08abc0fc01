import type { ChunkKind } from '../../core/chunking/chunk';
import type { ChunkDecision, ChunkStatus } from '../../core/compress/compressionResult';
import type { LineRange } from '../../core/compress/lineRange';
import { formatCount, formatLines, formatTokens } from './format';
import type { ResultForView } from './resultForView';

/** One ranking component's word on a chunk: "AMI #2". */
export interface EvidenceLabel {
  /** The component's key in the result: ami, bm25, or an extra list such as structure. */
  readonly component: string;
  readonly name: string;
  readonly rank: number;
  readonly score: number;
  readonly text: string;
  /** The longer form for a tooltip. */
  readonly title: string;
}

export interface ChunkRow {
  readonly id: string;
  readonly path: string;
  /** The function's or declaration's name, qualified by its parent; else what kind of code it is. */
  readonly label: string;
  readonly kind: ChunkKind;
  /** "method · lines 12–40". */
  readonly detail: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly status: ChunkStatus;
  readonly statusLabel: string;
  readonly tokens: number;
  readonly keptTokens: number;
  /** "212 tokens", or "98 of 212 tokens" for a trimmed one. */
  readonly tokensText: string;
  /** The score that decided (fused or AMI); undefined when the chunk was not ranked. */
  readonly score: number | undefined;
  /** 0..1: the score placed between the lowest and the highest of this result (1 = the best ranked). */
  readonly scoreBar: number;
  /** "fused score 0.83": the scaled score, as the editor's CodeLens shows it; "not ranked". */
  readonly scoreText: string;
  /** The scaled score alone ("0.83"), for the row; '' when not ranked. */
  readonly scoreValue: string;
  /** The tooltip: the scaled and the engine's own score. */
  readonly scoreTitle: string;
  /** 1 = best; undefined when not ranked. */
  readonly rank: number | undefined;
  /** Each ranking component, best rank first. */
  readonly evidence: readonly EvidenceLabel[];
  /** Why it is kept, trimmed, pinned or dropped, in a sentence. */
  readonly why: string;
  readonly keptLines: readonly LineRange[];
  /** Its place in the result (files in order, chunks in file order): the "position" sort. */
  readonly position: number;
}

export interface FileRow {
  readonly path: string;
  readonly language: string | undefined;
  readonly tokens: number;
  readonly keptTokens: number;
  /** "340 of 1,210 tokens kept". */
  readonly tokensText: string;
  readonly counts: Readonly<Record<ChunkStatus, number>>;
  readonly chunks: readonly ChunkRow[];
  readonly position: number;
}

export const STATUS_LABELS: Readonly<Record<ChunkStatus, string>> = {
  kept: 'kept',
  partial: 'trimmed',
  dropped: 'dropped',
  pinned: 'pinned',
};

const KIND_LABELS: Readonly<Record<ChunkKind, string>> = {
  function: 'function',
  method: 'method',
  'function-part': 'function part',
  'container-header': 'container header',
  'container-footer': 'container end',
  declaration: 'declaration',
  glue: 'imports and glue',
  'block-fallback': 'block',
};

const COMPONENT_NAMES: Readonly<Record<string, string>> = {
  ami: 'AMI',
  bm25: 'BM25',
  structure: 'Structure',
};

const COMPONENT_MEANINGS: Readonly<Record<string, string>> = {
  ami: 'how much the code lowers the perplexity of the question',
  bm25: 'word overlap with the question',
  structure: 'code the cursor’s function refers to',
};

/** Which score decided the order: the fusion with the n-gram scorer, AMI with a neural one (as rankChunks' effectiveMode). */
export function decidingScore(result: ResultForView): 'fused' | 'ami' {
  const mode = result.parameters.ranking;
  if (mode !== 'auto') return mode;
  return result.scorer.name === 'ngram' ? 'fused' : 'ami';
}

/** The result as a file -> chunk tree, in the result's order. */
export function chunkTree(result: ResultForView): FileRow[] {
  const all = result.files.flatMap((file) => file.chunks);
  const ranked = all.filter((chunk) => chunk.score !== undefined && Number.isFinite(chunk.score));
  const scores = ranked.map((chunk) => chunk.score!);
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  const order = [...ranked].sort((a, b) => b.score! - a.score!);
  const rankOf = new Map(order.map((chunk, i) => [chunk.id, i + 1]));
  const scoreName = decidingScore(result) === 'fused' ? 'fused score' : 'AMI score';
  let position = 0;

  return result.files.map((file, fileIndex) => {
    const counts: Record<ChunkStatus, number> = { kept: 0, partial: 0, dropped: 0, pinned: 0 };
    const chunks = file.chunks.map((chunk): ChunkRow => {
      counts[chunk.status] += 1;
      const rank = rankOf.get(chunk.id);
      const score = chunk.score !== undefined && Number.isFinite(chunk.score) ? chunk.score : undefined;
      const scaled = score === undefined ? 0 : high > low ? (score - low) / (high - low) : 1;
      return {
        id: chunk.id,
        path: chunk.path,
        label: chunkLabel(chunk),
        kind: chunk.kind,
        detail: `${KIND_LABELS[chunk.kind]} · lines ${formatLines(chunk.startLine, chunk.endLine)}`,
        startLine: chunk.startLine,
        endLine: chunk.endLine,
        status: chunk.status,
        statusLabel: STATUS_LABELS[chunk.status],
        tokens: chunk.tokens,
        keptTokens: chunk.keptTokens,
        tokensText: chunk.status === 'partial' ? `${formatCount(chunk.keptTokens)} of ${formatTokens(chunk.tokens)}` : formatTokens(chunk.tokens),
        score,
        scoreBar: scaled,
        scoreText: score === undefined ? 'not ranked' : `${scoreName} ${scaled.toFixed(2)}`,
        scoreValue: score === undefined ? '' : scaled.toFixed(2),
        scoreTitle:
          score === undefined
            ? 'Not ranked: left out before scoring'
            : `${scoreName} ${scaled.toFixed(2)} on this result's scale (1.00 = the best ranked chunk); ${formatScore(score)} as ranked`,
        rank,
        evidence: evidenceOf(chunk),
        why: whyText(chunk, rank, ranked.length),
        keptLines: chunk.keptLines,
        position: position++,
      };
    });
    return {
      path: file.path,
      language: file.language,
      tokens: file.tokens,
      keptTokens: file.keptTokens,
      tokensText: `${formatCount(file.keptTokens)} of ${formatTokens(file.tokens)} kept`,
      counts,
      chunks,
      position: fileIndex,
    };
  });
}

function chunkLabel(chunk: ChunkDecision): string {
  if (chunk.name === undefined) return KIND_LABELS[chunk.kind];
  return chunk.parent ? `${chunk.parent}.${chunk.name}` : chunk.name;
}

/** Three significant digits: fused scores are small (RRF), AMI ones are bits. */
function formatScore(score: number): string {
  return Number(score.toPrecision(3)).toString();
}

function evidenceOf(chunk: ChunkDecision): EvidenceLabel[] {
  return Object.entries(chunk.components)
    .filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== undefined)
    .sort((a, b) => a[1].rank - b[1].rank || a[0].localeCompare(b[0]))
    .map(([component, { rank, score }]) => {
      const name = COMPONENT_NAMES[component] ?? component.charAt(0).toUpperCase() + component.slice(1);
      const meaning = COMPONENT_MEANINGS[component];
      return {
        component,
        name,
        rank,
        score,
        text: `${name} #${rank}`,
        title: `${name}${meaning ? ` (${meaning})` : ''}: rank ${rank}, score ${Number.isFinite(score) ? formatScore(score) : 'none'}`,
      };
    });
}

function whyText(chunk: ChunkDecision, rank: number | undefined, rankedCount: number): string {
  const ranked = rank === undefined ? undefined : `ranked #${rank} of ${formatCount(rankedCount)}`;
  switch (chunk.status) {
    case 'pinned':
      return 'pinned: always sent whole';
    case 'dropped':
      return ranked ? `${ranked}: did not fit the budget` : 'not ranked: left out before scoring';
    case 'partial': {
      const blocks = chunk.blocks ?? [];
      const kept = blocks.filter((block) => block.kept).length;
      return `${ranked ?? 'kept'}; trimmed to ${kept} of ${blocks.length} blocks`;
    }
    case 'kept':
      if (chunk.reason === 'container') return 'brought along by the kept code inside it';
      return ranked ? `${ranked}: kept whole` : 'kept whole';
  }
}
