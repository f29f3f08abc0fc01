import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CausalLm } from '../../../../src/core/scoring/onnx/causalLm';
import { lineMeans, NO_LINE, tokenLines } from '../../../../src/core/scoring/onnx/tokenLines';
import { assertClose, LOG_PROB_TOLERANCE } from '../../../helpers/assertClose';
import { OTHER_QUERY, openTinyLm, openTinyScorer, plainPass, QUERY, SAMPLES, tinyModelDir } from './tinyModel';

const concat = (...parts: Int32Array[]) => Int32Array.from(parts.flatMap((part) => [...part]));

describe('OnnxScorer on the tiny model', () => {
  let lm: CausalLm;
  before(async () => {
    lm = await openTinyLm();
  });
  after(() => lm.dispose());

  it('matches the torch model end to end: text → ids → log-probs → line values (expected-logprobs.json)', async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(tinyModelDir, 'expected-logprobs.json'), 'utf8')) as {
      texts: { name: string; text: string; ids: number[]; logprobs: number[] }[];
    };
    assert.ok(expected.texts.length > 0);
    const scorer = await openTinyScorer();
    try {
      for (const { name, text, ids, logprobs } of expected.texts) {
        const ours = scorer.tokenize(text);
        assert.deepEqual([...ours], ids, `${name}: ids`);
        assertClose(await plainPass(lm, ours), logprobs, `${name}: token log-probs`);
        const perToken = [Number.NaN, ...logprobs];
        const lines = tokenLines(ours, (id) => scorer['tokenizer'].bytesOf(id));
        assertClose(await scorer.lineLogProbs(text), lineMeans(perToken, lines, text.split('\n').length), `${name}: line values`);
      }
    } finally {
      await scorer.dispose();
    }
  });

  it('gives each query token its log-prob after context + blank line, tokenized piece by piece', async () => {
    const scorer = await openTinyScorer({ cacheBytes: 0 });
    try {
      const [conditioned, unconditioned] = await scorer.queryLogProbs([SAMPLES[0]!, ''], QUERY);
      const separator = scorer.tokenize('\n\n');
      const query = scorer.tokenize(QUERY);
      const context = scorer.tokenize(SAMPLES[0]!);
      assert.equal(conditioned!.length, query.length);
      const direct = await plainPass(lm, concat(context, separator, query));
      assertClose(conditioned!, direct.subarray(context.length + separator.length - 1), 'after the context');
      // The empty context still predicts every query token: the blank line comes first.
      const alone = await plainPass(lm, concat(separator, query));
      assertClose(unconditioned!, alone.subarray(separator.length - 1), 'no context');
      // The query is more predictable after the function it describes than after nothing.
      const mean = (values: Float64Array) => values.reduce((sum, v) => sum + v, 0) / values.length;
      assert.ok(mean(conditioned!) > mean(unconditioned!));
    } finally {
      await scorer.dispose();
    }
  });

  it('gives the same log-probs batched (right-padded) as one context at a time', async () => {
    const contexts = [...SAMPLES, '', SAMPLES[1]!];
    const batched = await openTinyScorer({ batchRows: 8, batchTokens: 4096, cacheBytes: 0 });
    const single = await openTinyScorer({ batchRows: 1, cacheBytes: 0 });
    try {
      const together = await batched.queryLogProbs(contexts, QUERY);
      const apart = await single.queryLogProbs(contexts, QUERY);
      together.forEach((logProbs, i) => assertClose(logProbs, apart[i]!, `context ${i}`));
      assert.ok(batched.stats.passes < single.stats.passes, `${batched.stats.passes} vs ${single.stats.passes} passes`);
      // A repeated context is scored once.
      assert.equal(single.stats.passes, SAMPLES.length + 1);
    } finally {
      await Promise.all([batched.dispose(), single.dispose()]);
    }
  });

  it('answers a second query from the contexts’ cached key/values, with the same log-probs as a full pass', async () => {
    const cached = await openTinyScorer({ batchRows: 3 });
    const plain = await openTinyScorer({ batchRows: 3, cacheBytes: 0 });
    try {
      await cached.queryLogProbs(SAMPLES, QUERY);
      const before = cached.stats.tokens;
      const reused = await cached.queryLogProbs(SAMPLES, OTHER_QUERY);
      const full = await plain.queryLogProbs(SAMPLES, OTHER_QUERY);
      reused.forEach((logProbs, i) => assertClose(logProbs, full[i]!, `context ${i}`));
      const continuation = cached.tokenize('\n\n').length + cached.tokenize(OTHER_QUERY).length;
      assert.equal(cached.stats.tokens - before, SAMPLES.length * continuation, 'only the blank line and the query went through the model');
    } finally {
      await Promise.all([cached.dispose(), plain.dispose()]);
    }
  });

  it('gives line values from one pass equal to one pass per line over the tokens up to its end', async () => {
    const scorer = await openTinyScorer({ cacheBytes: 0 });
    try {
      for (const text of SAMPLES) {
        const values = await scorer.lineLogProbs(text);
        const ids = scorer.tokenize(text);
        const lines = tokenLines(ids, (id) => scorer['tokenizer'].bytesOf(id));
        const lineCount = text.split('\n').length;
        assert.equal(values.length, lineCount);
        for (let line = 0; line < lineCount; line++) {
          const members = [...lines.keys()].filter((t) => lines[t] === line && t > 0);
          if (members.length === 0) {
            assert.ok(Number.isNaN(values[line]!), `line ${line} has no predicted token: NaN`);
            continue;
          }
          const end = members[members.length - 1]! + 1;
          const prefix = await plainPass(lm, ids.subarray(0, end));
          const expected = members.reduce((sum, t) => sum + prefix[t - 1]!, 0) / members.length;
          assert.ok(Math.abs(values[line]! - expected) <= LOG_PROB_TOLERANCE, `line ${line}: ${values[line]} vs ${expected}`);
        }
      }
    } finally {
      await scorer.dispose();
    }
  });

  it('places tokens on the line of their first non-whitespace character; blank lines are NaN', async () => {
    const scorer = await openTinyScorer();
    try {
      const text = 'a = 1\n\n    \n  b = a  \n';
      const values = await scorer.lineLogProbs(text);
      assert.equal(values.length, 5);
      assert.ok(Number.isFinite(values[0]!), 'line 0: its tokens after the first are predicted');
      assert.ok(Number.isNaN(values[1]!) && Number.isNaN(values[2]!) && Number.isNaN(values[4]!), `blank lines: ${[...values]}`);
      assert.ok(Number.isFinite(values[3]!));
      const ids = scorer.tokenize(text);
      const lines = tokenLines(ids, (id) => scorer['tokenizer'].bytesOf(id));
      assert.ok(lines.includes(NO_LINE), 'some tokens are whitespace only');
      // A character of several bytes split over tokens is still placed on its own line.
      const unicode = 'x = "√"\ny = "∑∫"\n';
      const unicodeLines = tokenLines(scorer.tokenize(unicode), (id) => scorer['tokenizer'].bytesOf(id));
      assert.deepEqual([...new Set(unicodeLines)].filter((line) => line !== NO_LINE), [0, 1]);
    } finally {
      await scorer.dispose();
    }
  });

  it('costs no model pass for the line values of a text a query already ran over', async () => {
    const scorer = await openTinyScorer();
    const plain = await openTinyScorer({ cacheBytes: 0 });
    try {
      await scorer.queryLogProbs(SAMPLES, QUERY);
      const passes = scorer.stats.passes;
      for (const text of SAMPLES) assertClose(await scorer.lineLogProbs(text), await plain.lineLogProbs(text), 'line values');
      assert.equal(scorer.stats.passes, passes);
    } finally {
      await Promise.all([scorer.dispose(), plain.dispose()]);
    }
  });

  it('reports progress and stops between batches when cancelled', async () => {
    const scorer = await openTinyScorer({ batchRows: 1, cacheBytes: 0 });
    try {
      const seen: [number, number][] = [];
      await scorer.queryLogProbs(SAMPLES, QUERY, { onProgress: (done, total) => seen.push([done, total]) });
      assert.deepEqual(seen.at(-1), [SAMPLES.length, SAMPLES.length]);
      assert.equal(seen.length, SAMPLES.length);

      const controller = new AbortController();
      const many = Array.from({ length: 200 }, (_, i) => `${SAMPLES[i % SAMPLES.length]}# ${i}\n`);
      const passes = scorer.stats.passes;
      const run = scorer.queryLogProbs(many, QUERY, { signal: controller.signal, onProgress: (done) => done === 3 && controller.abort() });
      await assert.rejects(run, { name: 'AbortError' });
      assert.equal(scorer.stats.passes - passes, 3);
    } finally {
      await scorer.dispose();
    }
  });

  it('runs the q8 weights, close to fp32', async () => {
    const q8 = await openTinyScorer({ dtype: 'q8', cacheBytes: 0 });
    const fp32 = await openTinyScorer({ dtype: 'fp32', cacheBytes: 0 });
    try {
      assert.equal(q8.info().dtype, 'q8');
      const quantized = (await q8.queryLogProbs(SAMPLES, QUERY)).flatMap((logProbs) => [...logProbs]);
      const full = (await fp32.queryLogProbs(SAMPLES, QUERY)).flatMap((logProbs) => [...logProbs]);
      const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
      const meanDifference = mean(quantized.map((value, k) => Math.abs(value - full[k]!)));
      assert.ok(meanDifference > 0, 'q8 is a different model file');
      // Measured: 0.046 nats on average, against log-probs of -5.2 on average; correlation 0.9996.
      assert.ok(meanDifference < 0.1, `mean |q8 - fp32| = ${meanDifference}`);
      const [mq, mf] = [mean(quantized), mean(full)];
      const covariance = mean(quantized.map((value, k) => (value - mq) * (full[k]! - mf)));
      const spread = (values: number[], m: number) => Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
      const correlation = covariance / (spread(quantized, mq) * spread(full, mf));
      assert.ok(correlation > 0.995, `correlation ${correlation}`);
    } finally {
      await Promise.all([q8.dispose(), fp32.dispose()]);
    }
  });

  it('says what runs: model, device, dtype and threads', async () => {
    const scorer = await openTinyScorer({ threads: 2, device: 'auto', modelName: 'tiny' });
    try {
      assert.deepEqual(scorer.info(), { name: 'onnx', model: 'tiny', device: 'cpu', dtype: 'fp32', threads: 2 });
    } finally {
      await scorer.dispose();
    }
  });
});
