import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChunkedFiles } from '../retrieval/chunkedFiles';
import type { CorpusPackage } from '../retrieval/corpusPackages';
import { retrievalCacheDir } from '../retrieval/taskCache';
import type { CompletionTaskSet } from './completionTask';
import { COMPLETION_GENERATOR_VERSION, DEFAULT_COMPLETION_GENERATION, generateCompletionTasks } from './generateCompletionTasks';

/** The completion tasks of these corpora: cached beside the retrieval tasks, generated when absent or `regenerate`. */
export async function loadCompletionTasks(
  packages: readonly CorpusPackage[],
  chunkedFiles: ChunkedFiles,
  regenerate: boolean,
): Promise<{ set: CompletionTaskSet; cacheFile: string; generation: string }> {
  const options = DEFAULT_COMPLETION_GENERATION;
  const key = createHash('sha1')
    .update(JSON.stringify({ packages: packages.map((p) => [p.language, p.name, p.sources]), options }))
    .digest('hex')
    .slice(0, 12);
  const cacheFile = path.join(retrievalCacheDir(), `completion-tasks-v${COMPLETION_GENERATOR_VERSION}-${key}.json`);
  if (!regenerate && fs.existsSync(cacheFile)) {
    const set = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as CompletionTaskSet;
    if (set.version === COMPLETION_GENERATOR_VERSION) return { set, cacheFile, generation: 'cached' };
  }
  const started = performance.now();
  const set = await generateCompletionTasks(packages, chunkedFiles, options);
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  const partial = `${cacheFile}.${process.pid}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(set, null, 1)}\n`);
  fs.renameSync(partial, cacheFile);
  return { set, cacheFile, generation: `generated in ${((performance.now() - started) / 1000).toFixed(1)} s` };
}
