import type { ChunkKind } from '../../core/chunking/chunk';
import type { ChunkDecision, ChunkStatus } from '../../core/compress/compressionResult';
import type { LineRange } from '../../core/compress/lineRange';
import { formatCount, formatLines, formatTokens } from './format';
import { type ComponentLabel, componentMeaning, componentsOf, type StructureLabel, structureOf, structureText } from './rankingEvidence';
import type { ResultForView } from './resultForView';
import { formatRawScore, isRanked, scaledScore, scaledScoreText, scoreScale } from './scoreScale';

/** One ranking component's word on a chunk, as a chip: "AMI #2". */
export interface ComponentChip extends ComponentLabel {
  readonly text: string;
  /** The longer form for a tooltip (the Structure chip's names each kind of structural evidence). */
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
  readonly components: readonly ComponentChip[];
  /** Completion mode: the structural evidence that put it forward, strongest first; empty otherwise. */
  readonly structure: readonly StructureLabel[];
  /** Why it is kept, trimmed, pinned or dropped, in a sentence, with the structural evidence: "…; structure: self method". */
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

/** The result as a file -> chunk tree, in the result's order. */
export function chunkTree(result: ResultForView): FileRow[] {
  const ranked = result.files.flatMap((file) => file.chunks).filter((chunk) => isRanked(chunk.score));
  const order = [...ranked].sort((a, b) => b.score! - a.score!);
  const rankOf = new Map(order.map((chunk, i) => [chunk.id, i + 1]));
  const scale = scoreScale(result);
  let position = 0;

  return result.files.map((file, fileIndex) => {
    const counts: Record<ChunkStatus, number> = { kept: 0, partial: 0, dropped: 0, pinned: 0 };
    const chunks = file.chunks.map((chunk): ChunkRow => {
      counts[chunk.status] += 1;
      const rank = rankOf.get(chunk.id);
      const score = isRanked(chunk.score) ? chunk.score : undefined;
      const structure = structureOf(chunk);
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
        scoreBar: score === undefined ? 0 : scaledScore(score, scale),
        scoreText: score === undefined ? 'not ranked' : scaledScoreText(score, scale),
        scoreValue: score === undefined ? '' : scaledScore(score, scale).toFixed(2),
        scoreTitle:
          score === undefined
            ? 'Not ranked: left out before scoring'
            : `${scaledScoreText(score, scale)} on this result's scale (1.00 = the best ranked chunk); ${formatRawScore(score)} as ranked`,
        rank,
        components: componentChips(chunk, structure),
        structure,
        why: withStructure(whyText(chunk, rank, ranked.length), chunk, structure),
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

function componentChips(chunk: ChunkDecision, structure: readonly StructureLabel[]): ComponentChip[] {
  return componentsOf(chunk).map((component) => {
    const meaning = componentMeaning(component.component);
    const kinds = component.component === 'structure' && structure.length > 0 ? `. ${structure.map((label) => `${label.text}: ${label.meaning}`).join('; ')}` : '';
    return {
      ...component,
      text: `${component.name} #${component.rank}`,
      title: `${component.name}${meaning ? ` (${meaning})` : ''}: rank ${component.rank}, score ${formatRawScore(component.score)}${kinds}`,
    };
  });
}

/** The structural evidence after the reason; a pin keeps a chunk whatever the evidence. */
function withStructure(why: string, chunk: ChunkDecision, structure: readonly StructureLabel[]): string {
  if (structure.length === 0 || chunk.status === 'pinned') return why;
  return `${why}; structure: ${structureText(structure)}`;
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
