import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../../../src/core/scoring/ngram/ngramModel';

/** Real code that this machine always has: the Python standard library. */
export const STDLIB = '/usr/lib/python3.11';

/** The first `count` .py files of the stdlib's top folder (sorted), from `skip` on. */
export function stdlibFiles(count: number, skip = 0): SourceFile[] {
  return readdirSync(STDLIB)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .slice(skip, skip + count)
    .map((name) => ({ path: name, text: readFileSync(join(STDLIB, name), 'utf8') }));
}
