import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Chunk, FileChunks } from '../../src/core/chunking/chunk';
import { joinChunkedFiles, type ChunkedFiles } from './chunkedFiles';
import { descriptionInContext } from './descriptionLeak';
import type { RetrievalTask } from './retrievalTask';

/** What a ranker is given for a task (chunks, in path order), and what the metric needs besides. */
export interface TaskContext {
  readonly chunks: readonly Chunk[];
  /** The same chunks as the chunker gave them, per file in path order: what the compression pipeline takes. */
  readonly files: readonly FileChunks[];
  readonly tokens: ReadonlyMap<string, number>;
  readonly totalTokens: number;
  /** The context's files as given to the chunker: the task's file without its doc comment. */
  readonly texts: readonly string[];
  readonly hash: string;
}

type ContextSpec = Pick<RetrievalTask, 'file' | 'docText' | 'docStart' | 'docEnd' | 'contextFiles'>;

/** Reads and chunks a task's context files from the package folder, the doc comment cut out of its file. */
export async function chunkTaskContext(spec: ContextSpec, folder: string, chunkedFiles: ChunkedFiles): Promise<TaskContext> {
  const hash = createHash('sha1');
  const texts = spec.contextFiles.map((file) => {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    return file === spec.file ? withoutDoc(text, spec) : text;
  });
  spec.contextFiles.forEach((file, i) => hash.update(`${file}\0${texts[i]}\0`));
  const chunked = await Promise.all(spec.contextFiles.map((file, i) => chunkedFiles.chunk(file, texts[i]!)));
  return { ...joinChunkedFiles(chunked), files: chunked.map((c) => c.file), texts, hash: hash.digest('hex') };
}

function withoutDoc(text: string, spec: ContextSpec): string {
  const removed = text.slice(spec.docStart, spec.docEnd);
  if (!removed.includes(spec.docText)) throw new Error(`${spec.file}: the doc comment is not at ${spec.docStart}-${spec.docEnd}; the corpus changed`);
  return text.slice(0, spec.docStart) + text.slice(spec.docEnd);
}

/** Loads a cached task's context and checks that it is the one the task was made with, without its description. */
export async function checkedTaskContext(task: RetrievalTask, folder: string, chunkedFiles: ChunkedFiles): Promise<TaskContext> {
  const context = await chunkTaskContext(task, folder, chunkedFiles);
  if (context.hash !== task.contextHash) throw new Error(`${task.id}: the context differs from the one generated (the corpus changed): run with --regenerate`);
  if (!context.chunks.some((c) => c.id === task.goldChunkId)) {
    throw new Error(`${task.id}: gold chunk ${task.goldChunkId} is missing (the chunker changed?): run with --regenerate`);
  }
  if (descriptionInContext(task.docText, task.query, context.texts)) throw new Error(`${task.id}: the description is in the context`);
  return context;
}
