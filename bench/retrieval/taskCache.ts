import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CorpusPackage } from './corpusPackages';

/** The cache scripts/setup-retrieval-corpora.sh fills (same variable, same default). */
export function retrievalCacheDir(): string {
  return process.env.LONGCODEZIP_RETRIEVAL_CACHE ?? path.join(os.homedir(), '.cache', 'longcodezip-retrieval');
}

/** What a task generator writes: its version (a cached set of another version is stale), its seed, the corpora's sources, the tasks. */
export interface GeneratedTasks<Task> {
  readonly version: string;
  readonly seed: string;
  readonly sources: readonly string[];
  readonly tasks: readonly Task[];
}

/** What a generator is and what it was given: the cache file is named by all of it. */
export interface TaskGenerator<Set extends GeneratedTasks<unknown>> {
  /** The file name's start: `tasks`, `completion-tasks`. */
  readonly kind: string;
  /** Bumped when a rule changes what tasks are made. */
  readonly version: string;
  readonly options: object;
  generate(): Promise<Set>;
}

/** A task set of these corpora: from the cache, or generated (and cached) when absent or `regenerate`. */
export async function loadCachedTasks<Set extends GeneratedTasks<unknown>>(
  packages: readonly CorpusPackage[],
  generator: TaskGenerator<Set>,
  regenerate: boolean,
): Promise<{ set: Set; cacheFile: string; generation: string }> {
  const cacheFile = taskCacheFile(generator.kind, generator.version, packages, generator.options);
  const cached = regenerate ? undefined : readTaskCache<Set>(cacheFile, generator.version);
  if (cached) return { set: cached, cacheFile, generation: 'cached' };
  const started = performance.now();
  const set = await generator.generate();
  writeTaskCache(cacheFile, set);
  return { set, cacheFile, generation: `generated in ${((performance.now() - started) / 1000).toFixed(1)} s` };
}

/** `<kind>-v<version>-<key>.json`, the key a hash of the corpora (what each was built from) and the options. */
function taskCacheFile(kind: string, version: string, packages: readonly CorpusPackage[], options: object): string {
  const key = createHash('sha1')
    .update(JSON.stringify({ packages: packages.map((p) => [p.language, p.name, p.sources]), options }))
    .digest('hex')
    .slice(0, 12);
  return path.join(retrievalCacheDir(), `${kind}-v${version}-${key}.json`);
}

function readTaskCache<Set extends GeneratedTasks<unknown>>(file: string, version: string): Set | undefined {
  if (!fs.existsSync(file)) return undefined;
  const set = JSON.parse(fs.readFileSync(file, 'utf8')) as Set;
  return set.version === version ? set : undefined;
}

function writeTaskCache(file: string, set: object): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(set, null, 1)}\n`);
  fs.renameSync(partial, file);
}
