import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type TaskLanguage = 'python' | 'javascript' | 'typescript';

/** One library the tasks are made from: a folder of source files of one language. */
export interface CorpusPackage {
  readonly language: TaskLanguage;
  /** The folder's name: `requests`, `lodash`, `rxjs`. */
  readonly name: string;
  readonly folder: string;
  /** What the folder was built from (`deb python3-requests 2.28.1+dfsg-1`, `npm rxjs@7.8.2`). */
  readonly sources: readonly string[];
}

/** Runs scripts/setup-retrieval-corpora.sh (fast once cached) and returns its packages in its order. */
export function setupRetrievalCorpora(repoRoot: string): CorpusPackage[] {
  const script = path.join(repoRoot, 'scripts', 'setup-retrieval-corpora.sh');
  const out = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const [language, folder] = line.split('\t') as [TaskLanguage, string];
      const sources = fs.readFileSync(`${folder}.sources`, 'utf8').split('\n').filter(Boolean);
      return { language, name: path.basename(folder), folder, sources };
    });
}

/** The package's files, relative POSIX paths in code-point order: the order contexts are built in. */
export function packageFiles(pkg: CorpusPackage): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(pkg.folder, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  walk('');
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
