// The real-code corpora of scripts/setup-corpora.sh (docs/corpora.md): builds them once (cached), lists them,
// and lists a corpus's files of its language.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OracleLanguage } from './ctagsOracle';
import { repoRoot } from './repoPaths';

export interface Corpus {
  readonly language: OracleLanguage;
  /** Absolute folder: every file under it with one of the language's extensions belongs to the corpus. */
  readonly folder: string;
}

/**
 * Runs scripts/setup-corpora.sh (about half a minute the first time on a machine, well under a second after)
 * and returns its corpora, in its order (one or more per language).
 */
export function setupCorpora(): Corpus[] {
  const out = execFileSync('bash', [path.join(repoRoot, 'scripts', 'setup-corpora.sh')], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 20 * 60_000,
  });
  return out
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const [language, folder] = line.split('\t');
      return { language: language as OracleLanguage, folder };
    });
}

/** The extensions of a language, from grammars/languages.json. */
export function languageExtensions(language: string): string[] {
  const table = JSON.parse(fs.readFileSync(path.join(repoRoot, 'grammars', 'languages.json'), 'utf8')) as {
    languages: { id: string; extensions: string[] }[];
  };
  const row = table.languages.find((l) => l.id === language);
  if (!row) throw new Error(`${language} is not in grammars/languages.json`);
  return row.extensions;
}

/** The corpus's files of its language, relative to its folder (POSIX separators), sorted. */
export function corpusFiles(corpus: Corpus): string[] {
  const extensions = languageExtensions(corpus.language);
  const files: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relPath);
      else if (entry.isFile() && extensions.some((e) => entry.name.endsWith(e))) files.push(relPath);
    }
  };
  walk(corpus.folder, '');
  return files.sort();
}
