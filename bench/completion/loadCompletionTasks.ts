import type { ChunkedFiles } from '../retrieval/chunkedFiles';
import type { CorpusPackage } from '../retrieval/corpusPackages';
import { loadCachedTasks } from '../retrieval/taskCache';
import type { CompletionTaskSet } from './completionTask';
import { COMPLETION_GENERATOR_VERSION, DEFAULT_COMPLETION_GENERATION, generateCompletionTasks } from './generateCompletionTasks';

/** The completion tasks of these corpora: cached beside the retrieval tasks, generated when absent or `regenerate`. */
export function loadCompletionTasks(
  packages: readonly CorpusPackage[],
  chunkedFiles: ChunkedFiles,
  regenerate: boolean,
): Promise<{ set: CompletionTaskSet; cacheFile: string; generation: string }> {
  const options = DEFAULT_COMPLETION_GENERATION;
  const generator = { kind: 'completion-tasks', version: COMPLETION_GENERATOR_VERSION, options, generate: () => generateCompletionTasks(packages, chunkedFiles, options) };
  return loadCachedTasks(packages, generator, regenerate);
}
