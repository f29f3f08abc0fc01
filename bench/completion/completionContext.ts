import * as fs from 'node:fs';
import * as path from 'node:path';
import { completionQuery, type CompletionQuery } from '../../src/core/compress/completionQuery';
import { joinChunkedFiles, type ChunkedFiles } from '../retrieval/chunkedFiles';
import type { TaskContext } from '../retrieval/taskContext';
import type { CompletionTask } from './completionTask';
import { contextHash } from './generateCompletionTasks';

/** A task's context as the rows get it, and the completion's query, prefix and hidden span as the product makes them. */
export interface CompletionContext extends TaskContext {
  readonly completion: CompletionQuery;
}

/** Reads and chunks a task's files and checks they are the ones it was generated from. */
export async function completionContext(task: CompletionTask, folder: string, chunkedFiles: ChunkedFiles): Promise<CompletionContext> {
  const texts = task.contextFiles.map((file) => fs.readFileSync(path.join(folder, file), 'utf8'));
  const hash = contextHash(task.contextFiles, texts);
  if (hash !== task.contextHash) throw new Error(`${task.id}: the context differs from the one generated (the corpus changed): run with --regenerate`);
  const chunked = await Promise.all(task.contextFiles.map((file, i) => chunkedFiles.chunk(file, texts[i]!)));
  const joined = joinChunkedFiles(chunked);
  for (const gold of task.gold) {
    if (!joined.tokens.has(gold.chunkId)) throw new Error(`${task.id}: gold chunk ${gold.chunkId} is missing (the chunker changed?): run with --regenerate`);
  }
  const file = chunked[task.contextFiles.indexOf(task.file)]!.file;
  const completion = completionQuery(file, { path: task.file, line: task.cursorLine });
  return { ...joined, files: chunked.map((c) => c.file), texts, hash, completion };
}
