import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGES, languageById, languageForPath } from '../../../src/core/languages/languageTable';

describe('language table', () => {
  it('covers the twelve languages we parse', () => {
    assert.deepEqual(
      LANGUAGES.map((l) => l.id),
      ['python', 'javascript', 'typescript', 'tsx', 'java', 'go', 'rust', 'c', 'cpp', 'csharp', 'ruby', 'php'],
    );
  });

  it('finds a language by file extension, case-insensitively, on POSIX and Windows paths', () => {
    const cases: [string, string | undefined][] = [
      ['src/app.py', 'python'],
      ['src/App.TSX', 'tsx'],
      ['lib/util.mjs', 'javascript'],
      ['C:\\code\\main.cpp', 'cpp'],
      ['include/list.h', 'c'],
      ['Program.cs', 'csharp'],
      ['README.md', undefined],
      ['Makefile', undefined],
      ['.py', undefined],
      ['dir.py/file', undefined],
    ];
    for (const [file, expected] of cases) assert.equal(languageForPath(file)?.id, expected, file);
  });

  it('no extension belongs to two languages', () => {
    const all = LANGUAGES.flatMap((l) => l.extensions);
    assert.equal(new Set(all).size, all.length);
  });

  it('looks languages up by id', () => {
    assert.equal(languageById('rust')?.lineComment, '//');
    assert.equal(languageById('ruby')?.lineComment, '#');
    assert.equal(languageById('cobol'), undefined);
  });
});
