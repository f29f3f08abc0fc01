import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { FileChunks } from '../../../src/core/chunking/chunk';
import { compress } from '../../../src/core/compress/compress';
import type { CompressionRequest } from '../../../src/core/compress/compressionRequest';
import { ngramForContext } from '../../../src/core/scoring/ngram/ngramForContext';
import type { Scorer } from '../../../src/core/scoring/scorer';
import { countTokens } from '../../../src/core/tokens/countTokens';
import { testChunker } from '../../helpers/chunking';
import { newSyntaxErrors, pythonCompileErrors, renderedSections } from '../../helpers/reparse';
import { fixturesDir } from '../../helpers/repoPaths';
import { assertConsistent } from './reportChecks';
import { parameters, textOf } from './scriptedScorer';

interface Sample {
  readonly id: string;
  readonly file: FileChunks;
  readonly scorer: Scorer;
  readonly question: string;
}

const SHARES = [2, 4, 8];
const FINE_RATIOS = [0.8, 1];

/** A question a user might ask about the file: a few of its definitions' names. */
function questionAbout(file: FileChunks): string {
  const functions = file.chunks.filter((chunk) => chunk.kind === 'function' || chunk.kind === 'method');
  const names = [...new Set(functions.map((chunk) => chunk.name!))];
  return `How do ${names.filter((_, i) => i % 3 === 1).slice(0, 3).join(', ')} work together?`;
}

describe('compressing every language sample with the n-gram scorer keeps its syntax', () => {
  const samples: Sample[] = [];

  before(async () => {
    const chunker = testChunker();
    const root = path.join(fixturesDir, 'samples');
    for (const id of fs.readdirSync(root).sort()) {
      const [name] = fs.readdirSync(path.join(root, id));
      const file = await chunker.chunkFile({ path: `${id}/${name}`, text: fs.readFileSync(path.join(root, id, name!), 'utf8') });
      samples.push({ id, file, scorer: await ngramForContext([file]).open(), question: questionAbout(file) });
    }
  });

  it('there are twelve samples, each parsed and with functions to ask about', () => {
    assert.equal(samples.length, 12);
    for (const sample of samples) {
      assert.equal(sample.file.fallbackReason, undefined, sample.id);
      assert.match(sample.question, /^How do \w+/, sample.id);
    }
  });

  it('at 1/2, 1/4 and 1/8 of the tokens, with and without stage 2: no new parse errors, and the Python compiles', async () => {
    const failures: string[] = [];
    const python: { label: string; code: string }[] = [];
    for (const sample of samples) {
      const text = textOf(sample.file);
      const source = { path: sample.file.path, language: sample.file.language, text };
      for (const share of SHARES) {
        for (const fineRatio of FINE_RATIOS) {
          const label = `${sample.id} at 1/${share}, fineRatio ${fineRatio}`;
          const request: CompressionRequest = {
            files: [sample.file],
            query: { mode: 'question', text: sample.question },
            parameters: parameters(Math.floor(countTokens(text) / share), { fineRatio }),
          };
          const result = await compress(request, { scorer: () => sample.scorer, countTokens });
          assertConsistent(result, request, label);
          assert.ok(result.text !== '', `${label}: something is kept`);
          for (const regression of await newSyntaxErrors(result.text, [source], 'text')) {
            failures.push(`${label}: ${regression.before} -> ${regression.after} errors\n${regression.code}`);
          }
          if (sample.file.language === 'python') {
            for (const section of renderedSections(result.text, [source], 'text')) python.push({ label, code: section.code });
          }
        }
      }
    }
    assert.ok(python.length > 0);
    pythonCompileErrors(python.map((p) => p.code)).forEach((error, i) => {
      if (error) failures.push(`${python[i]!.label}: does not compile: ${error}\n${python[i]!.code}`);
    });
    assert.deepEqual(failures, []);
  });
});
