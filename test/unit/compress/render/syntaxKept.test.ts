import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FileChunks } from '../../../../src/core/chunking/chunk';
import { LANGUAGES } from '../../../../src/core/languages/languageTable';
import type { LineRange } from '../../../../src/core/compress/lineRange';
import { renderContext, type RenderFormat } from '../../../../src/core/compress/render/renderContext';
import { testChunker } from '../../../helpers/chunking';
import { newSyntaxErrors, pythonCompileErrors, renderedSections, syntaxErrorsIn } from '../../../helpers/reparse';
import { bodyStatements, dropStatements, linesOfChunks, randomChunks, type Statement } from './randomSelections';
import { seededRandom } from '../../../helpers/seededRandom';
import { sampleFiles, type SampleFile } from './sampleFiles';

interface Sample extends SampleFile {
  readonly chunks: FileChunks;
  readonly statements: Map<string, Statement[]>;
}

/** One selection of one file: what was kept and how it was chosen, to replay a failure. */
interface Case {
  readonly sample: Sample;
  readonly kept: LineRange[];
  readonly how: string;
}

const SELECTIONS_PER_FILE = 60;
const FORMATS: RenderFormat[] = ['text', 'markdown'];

function selections(sample: Sample): Case[] {
  const cases: Case[] = [];
  for (let seed = 1; seed <= SELECTIONS_PER_FILE; seed++) {
    const random = seededRandom(seed);
    const share = [0.15, 0.4, 0.7][seed % 3]!;
    const kept = randomChunks(sample.chunks, random, share);
    const whole = linesOfChunks(sample.chunks, kept);
    cases.push({ sample, kept: whole, how: `seed ${seed}, chunks kept with p=${share}` });
    const statements = [...kept].flatMap((id) => sample.statements.get(id) ?? []);
    const dropShare = [0.3, 0.6, 1][seed % 3]!;
    cases.push({
      sample,
      kept: dropStatements(whole, statements, random, dropShare),
      how: `seed ${seed}, chunks kept with p=${share}, then body statements dropped with p=${dropShare}`,
    });
  }
  return cases;
}

describe('rendered sections keep the syntax of their file', () => {
  const samples: Sample[] = [];

  before(async () => {
    const chunker = testChunker();
    for (const file of sampleFiles()) {
      const chunks = await chunker.chunkFile({ path: file.path, text: file.text });
      samples.push({ ...file, chunks, statements: await bodyStatements(chunks, file.text) });
    }
  });

  it('there is a clean, chunked sample of every language of the table', async () => {
    assert.deepEqual(samples.map((s) => s.language).sort(), LANGUAGES.map((l) => l.id).sort());
    for (const sample of samples) {
      assert.equal(sample.chunks.language, sample.language, sample.path);
      assert.equal(await syntaxErrorsIn(sample.language, sample.text), 0, `${sample.path} has syntax errors of its own`);
      assert.ok(sample.text.split('\n').length >= 80, `${sample.path} is too small to say much`);
      assert.ok(sample.chunks.chunks.length >= 10, `${sample.path} has too few chunks`);
      assert.ok(sample.statements.size >= 4, `${sample.path}: too few function bodies found`);
    }
  });

  for (const format of FORMATS) {
    it(`${format}: no new tree-sitter errors for random selections of whole chunks and of body statements`, async () => {
      const failures: string[] = [];
      for (const sample of samples) {
        for (const { kept, how } of selections(sample)) {
          const output = renderContext([{ path: sample.path, language: sample.language, text: sample.text, kept }], { format });
          for (const regression of await newSyntaxErrors(output, [sample], format)) {
            failures.push(`${sample.path} (${how}): ${regression.before} -> ${regression.after} errors\n${regression.code}`);
          }
        }
      }
      assert.deepEqual(failures.slice(0, 3), []);
    });
  }

  it('every Python selection compiles', () => {
    const python = samples.filter((s) => s.language === 'python');
    assert.ok(python.length > 0);
    const cases = python.flatMap(selections);
    const sections = cases.map(({ sample, kept }) => {
      const output = renderContext([{ path: sample.path, language: sample.language, text: sample.text, kept }], { format: 'text' });
      return renderedSections(output, [sample], 'text')[0]?.code ?? '';
    });
    const errors = pythonCompileErrors(sections);
    const failures = cases.flatMap((c, i) => (errors[i] ? [`${c.sample.path} (${c.how}): ${errors[i]}\n${sections[i]}`] : []));
    assert.deepEqual(failures.slice(0, 3), []);
    // The selections did empty some blocks: the no-op form was needed, not just allowed.
    assert.ok(sections.some((code) => /^\s*\.\.\. {2}# \d+ lines? omitted$/m.test(code)));
  });

  it('one context of every sample at once: each section still parses', async () => {
    const random = seededRandom(7);
    const files = samples.map((sample) => ({
      path: sample.path,
      language: sample.language,
      text: sample.text,
      kept: linesOfChunks(sample.chunks, randomChunks(sample.chunks, random, 0.5)),
    }));
    for (const format of FORMATS) {
      const output = renderContext(files, { format });
      assert.equal(renderedSections(output, samples, format).length, samples.length);
      assert.deepEqual(await newSyntaxErrors(output, samples, format), []);
    }
  });
});
