import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { FileChunks } from '../../../src/core/chunking/chunk';
import type { Chunker } from '../../../src/core/chunking/chunker';
import { compress } from '../../../src/core/compress/compress';
import { CompressionInputError } from '../../../src/core/compress/compressionInputError';
import type { CompressionQuery, CompressionRequest } from '../../../src/core/compress/compressionRequest';
import type { PinSpec } from '../../../src/core/compress/resolvePins';
import type { RankingMode } from '../../../src/core/retrieval/rankChunks';
import { countTokens } from '../../../src/core/tokens/countTokens';
import { testChunker } from '../../helpers/chunking';
import { randomPython, randomTypeScript, WORDS } from './randomSources';
import { assertConsistent } from './reportChecks';
import { seededRandom } from '../../helpers/seededRandom';
import { parameters, scriptedScorer, servicesWith, textOf } from './scriptedScorer';

const CASES = 300;

type Random = () => number;

/** A log-probability in [-6, -0.1] that depends only on the text and the case: a scorer with random taste. */
function noise(seed: number, text: string): number {
  const hash = createHash('sha1').update(`${seed}\0${text}`).digest();
  return -0.1 - (hash.readUInt32LE(0) / 2 ** 32) * 5.9;
}

function randomQuery(random: Random, files: readonly FileChunks[]): CompressionQuery {
  if (random() < 0.7) {
    const words = Array.from({ length: 1 + Math.floor(random() * 4) }, () => WORDS[Math.floor(random() * WORDS.length)]);
    return { mode: 'question', text: `where is the ${words.join(' ')} handled` };
  }
  const file = files[Math.floor(random() * files.length)]!;
  const lines = textOf(file).split('\n').length - 1;
  return { mode: 'completion', cursor: { path: file.path, line: 1 + Math.floor(random() * lines) } };
}

function randomPins(random: Random, files: readonly FileChunks[]): PinSpec[] | undefined {
  if (random() < 0.75) return undefined;
  const file = files[Math.floor(random() * files.length)]!;
  const named = file.chunks.filter((chunk) => chunk.name !== undefined && chunk.kind !== 'function-part');
  if (named.length === 0 || random() < 0.2) return [{ path: file.path }];
  const chunk = named[Math.floor(random() * named.length)]!;
  return [{ path: file.path, name: chunk.parent && chunk.kind === 'method' ? `${chunk.parent}.${chunk.name}` : chunk.name! }];
}

function randomBudget(random: Random, files: readonly FileChunks[]): number {
  const total = files.reduce((sum, file) => sum + countTokens(textOf(file)), 0);
  return random() < 0.2 ? Math.floor(random() * 25) : Math.floor(random() * total * 1.2);
}

async function randomCase(seed: number, chunkers: readonly Chunker[]): Promise<CompressionRequest> {
  const random = seededRandom(seed);
  const chunker = chunkers[Math.floor(random() * chunkers.length)]!;
  const files: FileChunks[] = [];
  for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) {
    const python = random() < 0.5;
    const text = python ? randomPython(random) : randomTypeScript(random);
    files.push(await chunker.chunkFile({ path: `src/f${i}.${python ? 'py' : 'ts'}`, text }));
  }
  return {
    files,
    query: randomQuery(random, files),
    pins: randomPins(random, files),
    parameters: parameters(randomBudget(random, files), {
      fineRatio: random() < 0.3 ? 1 : 0.2 + random() * 0.8,
      beta: random(),
      ranking: (['ami', 'fused', 'auto'] as RankingMode[])[Math.floor(random() * 3)]!,
    }),
  };
}

test(`a property over ${CASES} random contexts, budgets, pins and parameters: never over the budget, the text is the report`, async () => {
  // A small size cap cuts long functions into parts.
  const chunkers = [testChunker(), testChunker({ sizeCap: 60 })];
  let inputErrors = 0;
  for (let seed = 1; seed <= CASES; seed++) {
    const request = await randomCase(seed, chunkers);
    const random = seededRandom(seed * 7919);
    const scorer = scriptedScorer(random() < 0.5 ? 'ngram' : 'onnx', {
      query: (context) => noise(seed, context),
      line: (line) => (line.trim() === '' ? Number.NaN : noise(seed, line)),
    });
    const label = `seed ${seed} (budget ${request.parameters.budget}, fineRatio ${request.parameters.fineRatio.toFixed(2)})`;
    try {
      assertConsistent(await compress(request, servicesWith(scorer)), request, label);
    } catch (error) {
      if (!(error instanceof CompressionInputError)) throw error;
      // Only what must be kept (pins, the code before the cursor) may be over the budget.
      assert.ok(request.pins !== undefined || request.query.mode === 'completion', `${label}: ${error.message}`);
      assert.match(error.message, /budget/, label);
      inputErrors++;
    }
  }
  assert.ok(inputErrors < CASES / 3, `${inputErrors} of ${CASES} cases were input errors`);
});
