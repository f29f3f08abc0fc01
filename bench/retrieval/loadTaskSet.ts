import type { GrammarLoader } from '../../src/core/chunking/grammarLoader';
import type { ChunkedFiles } from './chunkedFiles';
import type { CorpusPackage } from './corpusPackages';
import { DEFAULT_GENERATION, generateTasks } from './generateTasks';
import type { TaskSet } from './retrievalTask';
import { readTaskCache, taskCacheFile, writeTaskCache } from './taskCache';

/** The task set of these corpora: from the cache, or generated (and cached) when absent or `regenerate`. */
export async function loadTaskSet(
  packages: readonly CorpusPackage[],
  deps: { readonly grammars: GrammarLoader; readonly chunkedFiles: ChunkedFiles },
  regenerate: boolean,
): Promise<{ set: TaskSet; cacheFile: string; generation: string }> {
  const cacheFile = taskCacheFile(packages, DEFAULT_GENERATION);
  const cached = regenerate ? undefined : readTaskCache(cacheFile);
  if (cached) return { set: cached, cacheFile, generation: 'cached' };
  const started = performance.now();
  const set = await generateTasks(packages, { chunkedFiles: deps.chunkedFiles, pythonParser: await deps.grammars.parserFor('python') });
  writeTaskCache(cacheFile, set);
  return { set, cacheFile, generation: `generated in ${((performance.now() - started) / 1000).toFixed(1)} s` };
}
