import type { GrammarLoader } from '../../src/core/chunking/grammarLoader';
import type { ChunkedFiles } from './chunkedFiles';
import type { CorpusPackage } from './corpusPackages';
import { DEFAULT_GENERATION, generateTasks, TASK_GENERATOR_VERSION } from './generateTasks';
import type { TaskSet } from './retrievalTask';
import { loadCachedTasks } from './taskCache';

/** The task set of these corpora: from the cache, or generated (and cached) when absent or `regenerate`. */
export function loadTaskSet(
  packages: readonly CorpusPackage[],
  deps: { readonly grammars: GrammarLoader; readonly chunkedFiles: ChunkedFiles },
  regenerate: boolean,
): Promise<{ set: TaskSet; cacheFile: string; generation: string }> {
  const generate = async () => generateTasks(packages, { chunkedFiles: deps.chunkedFiles, pythonParser: await deps.grammars.parserFor('python') });
  return loadCachedTasks(packages, { kind: 'tasks', version: TASK_GENERATOR_VERSION, options: DEFAULT_GENERATION, generate }, regenerate);
}
