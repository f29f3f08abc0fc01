import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LineRange } from '../../src/core/compress/lineRange';
import type { RetrievalTask } from '../retrieval/retrievalTask';
import type { TaskContext } from '../retrieval/taskContext';

/** A needle survives when its signature line is kept and at least this share of its lines. */
export const SURVIVAL_SHARE = 0.7;

/** The described function in its doc-less file: where its signature is, and the lines that count. */
export interface Needle {
  readonly path: string;
  readonly signatureLine: number;
  /** Non-blank lines from the signature to the function's end (decorators and leading comments are not counted). */
  readonly lines: readonly number[];
}

/**
 * Finds the task's function in its context: the signature line moved up by the doc comment's lines when
 * the doc was above it (JS/TS; a Python docstring is below the `def`), the end from its chunk, or from the
 * last part of a function the chunker cut into parts.
 */
export function findNeedle(task: RetrievalTask, folder: string, context: TaskContext): Needle {
  const original = fs.readFileSync(path.join(folder, task.file), 'utf8');
  const docFirstLine = 1 + newlines(original.slice(0, task.docStart));
  const signatureLine = task.line > docFirstLine ? task.line - newlines(original.slice(task.docStart, task.docEnd)) : task.line;

  const file = context.files.find((f) => f.path === task.file);
  const gold = file?.chunks.find((c) => c.id === task.goldChunkId);
  if (!file || !gold) throw new Error(`${task.id}: gold chunk ${task.goldChunkId} is not in ${task.file}`);
  if (signatureLine < gold.startLine || signatureLine > gold.endLine) {
    throw new Error(`${task.id}: signature line ${signatureLine} is outside its chunk (${gold.startLine}-${gold.endLine})`);
  }
  const scope = gold.kind === 'function-part' ? file.scopes.find((s) => s.id === gold.scope) : undefined;
  const closing = scope?.closingChunk === undefined ? gold : file.chunks.find((c) => c.id === scope.closingChunk) ?? gold;

  const text = context.texts[task.contextFiles.indexOf(task.file)]!;
  const fileLines = text.split('\n');
  const lines: number[] = [];
  for (let line = signatureLine; line <= closing.endLine; line++) if (fileLines[line - 1]?.trim()) lines.push(line);
  return { path: task.file, signatureLine, lines };
}

/** What became of a needle: survived; signature lost (dropped); signature kept with too few of its lines (trimmed). */
export type NeedleFate = 'survived' | 'dropped' | 'trimmed';

/** Survived: the kept lines of the needle's file hold its signature and at least SURVIVAL_SHARE of its lines. */
export function needleFate(needle: Needle, kept: readonly LineRange[]): NeedleFate {
  const isKept = (line: number) => kept.some((range) => range.start <= line && line <= range.end);
  if (!isKept(needle.signatureLine)) return 'dropped';
  return needle.lines.filter(isKept).length >= SURVIVAL_SHARE * needle.lines.length ? 'survived' : 'trimmed';
}

function newlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
