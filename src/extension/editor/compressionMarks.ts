// What the source editors show of the last compression, per file: which lines were dropped, which
// were kept, the kept blocks of trimmed functions, a lens above each function and a hover on its first
// line. Pure (no `vscode`): the editor module turns these line ranges into decorations and CodeLenses.
import { FUNCTION_KINDS } from '../../core/chunking/chunk';
import type { ChunkDecision, ChunkStatus, CompressionResult } from '../../core/compress/compressionResult';
import type { LineRange } from '../../core/compress/lineRange';
import { EVIDENCE_ORDER } from '../../core/retrieval/structure/evidence';
import { STATUS_LABELS } from '../../webview/viewModel/chunkTree';
import { formatCount, formatTokens } from '../../webview/viewModel/format';
import { componentsOf, structureOf, structureText } from '../../webview/viewModel/rankingEvidence';
import { formatRawScore, isRanked, type ScoreScale, scaledScoreText, scoreScale } from '../../webview/viewModel/scoreScale';

/** The lens above one function (all parts of a split function together). */
export interface FunctionLens {
  /** 1-based line of the function's first line. */
  readonly line: number;
  readonly status: ChunkStatus;
  /** e.g. "kept · fused score 0.83 · 212 tokens", then any structural evidence: "· self method". */
  readonly title: string;
}

/** The hover on a definition's first line: status, score, every ranking component, structural evidence, tokens (markdown). */
export interface DefinitionHover {
  readonly line: number;
  readonly markdown: string;
}

export interface FileMarks {
  /** Lines that are not in the compressed context (merged, 1-based inclusive). */
  readonly dropped: readonly LineRange[];
  /** Lines of chunks kept whole or pinned. */
  readonly kept: readonly LineRange[];
  /** The kept blocks of functions stage 2 trimmed. */
  readonly keptBlocks: readonly LineRange[];
  readonly lenses: readonly FunctionLens[];
  readonly hovers: readonly DefinitionHover[];
}

/**
 * The marks of one file of `result` (its workspace-relative path), or undefined when the compression
 * did not read that file.
 */
export function marksForFile(result: CompressionResult, path: string): FileMarks | undefined {
  const file = result.files.find((candidate) => candidate.path === path);
  if (!file) return undefined;
  const scale = scoreScale(result);
  const lastLine = Math.max(0, ...file.chunks.map((chunk) => chunk.endLine));
  const keptRanges = mergeRanges(file.chunks.flatMap((chunk) => chunk.keptLines));
  return {
    dropped: complement(keptRanges, lastLine),
    kept: mergeRanges(file.chunks.filter((chunk) => chunk.status === 'kept' || chunk.status === 'pinned').flatMap((chunk) => chunk.keptLines)),
    keptBlocks: mergeRanges(file.chunks.filter((chunk) => chunk.status === 'partial').flatMap((chunk) => chunk.keptLines)),
    lenses: functionsOf(file.chunks).map((parts) => lensFor(parts, scale)),
    hovers: file.chunks.filter((chunk) => chunk.name !== undefined || FUNCTION_KINDS.has(chunk.kind)).map((chunk) => hoverFor(chunk, scale)),
  };
}

/** Functions and methods, each with its parts: a split function's consecutive parts belong together. */
function functionsOf(chunks: readonly ChunkDecision[]): ChunkDecision[][] {
  const functions: ChunkDecision[][] = [];
  for (const chunk of chunks) {
    if (!FUNCTION_KINDS.has(chunk.kind)) continue;
    const previous = functions.at(-1);
    const samePartedFunction = chunk.kind === 'function-part' && previous?.[0]?.kind === 'function-part' && previous[0].parent === chunk.parent;
    if (samePartedFunction) previous.push(chunk);
    else functions.push([chunk]);
  }
  return functions;
}

function lensFor(parts: readonly ChunkDecision[], scale: ScoreScale): FunctionLens {
  const status = combinedStatus(parts);
  const tokens = parts.reduce((sum, part) => sum + part.tokens, 0);
  const keptTokens = parts.reduce((sum, part) => sum + part.keptTokens, 0);
  const scores = parts.map((part) => part.score).filter(isRanked);
  const pieces: string[] = [STATUS_LABELS[status]];
  if (status !== 'pinned' && scores.length > 0) pieces.push(scaledScoreText(Math.max(...scores), scale));
  pieces.push(status === 'partial' ? `${formatCount(keptTokens)} of ${formatTokens(tokens)}` : formatTokens(tokens));
  // A split function's parts each have their evidence: all of it, strongest first.
  const kinds = new Set(parts.flatMap((part) => part.evidence ?? []));
  const evidence = structureText(structureOf({ evidence: EVIDENCE_ORDER.filter((kind) => kinds.has(kind)) }));
  if (status !== 'pinned' && evidence !== '') pieces.push(evidence);
  return { line: parts[0]!.startLine, status, title: pieces.join(' · ') };
}

function combinedStatus(parts: readonly ChunkDecision[]): ChunkStatus {
  if (parts.some((part) => part.status === 'pinned')) return 'pinned';
  if (parts.every((part) => part.status === 'kept')) return 'kept';
  if (parts.every((part) => part.status === 'dropped')) return 'dropped';
  return 'partial';
}

const STATUS_WORDS: Readonly<Record<ChunkStatus, string>> = {
  kept: 'kept whole',
  partial: 'trimmed: only its most relevant blocks are kept',
  dropped: 'dropped: not in the compressed context',
  pinned: 'pinned: always kept whole',
};

function hoverFor(chunk: ChunkDecision, scale: ScoreScale): DefinitionHover {
  const name = chunk.kind === 'function-part' ? `${chunk.parent ?? 'function'} (part)` : [chunk.parent, chunk.name].filter(Boolean).join('.');
  const lines = [`**LongCodeZip** · \`${name}\` — ${STATUS_WORDS[chunk.status]}${chunk.reason === 'container' ? ' (brought along by kept code inside it)' : ''}`];
  if (isRanked(chunk.score)) lines.push(`${scaledScoreText(chunk.score, scale)} (raw ${formatRawScore(chunk.score)}; 1.00 is the best ranked chunk)`);
  const components = componentsOf(chunk).map((component) => `${component.name} rank ${component.rank} (score ${formatRawScore(component.score)})`);
  if (components.length > 0) lines.push(components.join(' · '));
  const structure = structureOf(chunk);
  if (structure.length > 0) lines.push(`Structure: ${structure.map((label) => `**${label.text}** (${label.meaning})`).join('; ')}`);
  const blocks = chunk.blocks ? ` in ${chunk.blocks.filter((block) => block.kept).length} of ${chunk.blocks.length} blocks` : '';
  lines.push(chunk.status === 'dropped' ? `${formatTokens(chunk.tokens)}, none sent` : `${formatCount(chunk.keptTokens)} of ${formatTokens(chunk.tokens)} sent${blocks}`);
  return { line: chunk.startLine, markdown: lines.join('\n\n') };
}

/** Sorted, overlapping and touching ranges joined. */
export function mergeRanges(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].filter((range) => range.end >= range.start).sort((a, b) => a.start - b.start);
  const merged: LineRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end + 1) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push({ ...range });
  }
  return merged;
}

/** Lines 1..lastLine that none of the (merged) ranges cover. */
function complement(merged: readonly LineRange[], lastLine: number): LineRange[] {
  const gaps: LineRange[] = [];
  let next = 1;
  for (const range of merged) {
    if (range.start > next) gaps.push({ start: next, end: range.start - 1 });
    next = Math.max(next, range.end + 1);
  }
  if (next <= lastLine) gaps.push({ start: next, end: lastLine });
  return gaps;
}
