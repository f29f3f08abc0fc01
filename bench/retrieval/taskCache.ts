import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CorpusPackage } from './corpusPackages';
import { TASK_GENERATOR_VERSION, type GenerationOptions } from './generateTasks';
import type { TaskSet } from './retrievalTask';

/** The cache scripts/setup-retrieval-corpora.sh fills (same variable, same default). */
export function retrievalCacheDir(): string {
  return process.env.LONGCODEZIP_RETRIEVAL_CACHE ?? path.join(os.homedir(), '.cache', 'longcodezip-retrieval');
}

/** The task file for this generator version, these corpora (what each was built from) and these options. */
export function taskCacheFile(packages: readonly CorpusPackage[], options: GenerationOptions): string {
  const key = createHash('sha1')
    .update(JSON.stringify({ packages: packages.map((p) => [p.language, p.name, p.sources]), options }))
    .digest('hex')
    .slice(0, 12);
  return path.join(retrievalCacheDir(), `tasks-v${TASK_GENERATOR_VERSION}-${key}.json`);
}

export function readTaskCache(file: string): TaskSet | undefined {
  if (!fs.existsSync(file)) return undefined;
  const set = JSON.parse(fs.readFileSync(file, 'utf8')) as TaskSet;
  return set.version === TASK_GENERATOR_VERSION ? set : undefined;
}

export function writeTaskCache(file: string, set: TaskSet): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(set, null, 1)}\n`);
  fs.renameSync(partial, file);
}
