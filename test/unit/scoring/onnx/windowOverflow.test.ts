import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CausalLm } from '../../../../src/core/scoring/onnx/causalLm';
import { lineMeans, tokenLines } from '../../../../src/core/scoring/onnx/tokenLines';
import { openTinyLm, openTinyScorer, plainPass, SAMPLES } from './tinyModel';

const WINDOW = 48;
const concat = (...parts: Int32Array[]) => Int32Array.from(parts.flatMap((part) => [...part]));
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4;

describe('OnnxScorer: inputs longer than the window', () => {
  let lm: CausalLm;
  before(async () => {
    lm = await openTinyLm();
  });
  after(() => lm.dispose());

  it('keeps the context tokens nearest the query, and says so', async () => {
    const scorer = await openTinyScorer({ window: WINDOW });
    try {
      const notes: string[] = [];
      const short = 'x = 1\n';
      const [long, fits] = await scorer.queryLogProbs([SAMPLES[0]!, short], 'sum?', { onNote: (note) => notes.push(note) });
      assert.equal(notes.length, 1);
      assert.match(notes[0]!, /1 of 2 contexts .*longer than .* window of 48.*start was left out/);

      const separator = scorer.tokenize('\n\n');
      const query = scorer.tokenize('sum?');
      const room = WINDOW - separator.length - query.length;
      const context = scorer.tokenize(SAMPLES[0]!);
      const kept = context.subarray(context.length - room);
      const direct = await plainPass(lm, concat(kept, separator, query));
      const from = kept.length + separator.length - 1;
      assert.ok(long!.every((value, k) => close(value, direct[from + k]!)), 'scored as the context’s last tokens + query');
      assert.equal(fits!.length, query.length);
    } finally {
      await scorer.dispose();
    }
  });

  it('scores only the last window of a query longer than the window, and says so', async () => {
    const scorer = await openTinyScorer({ window: WINDOW });
    try {
      const notes: string[] = [];
      const query = SAMPLES[0]!;
      const [withContext, alone] = await scorer.queryLogProbs([SAMPLES[1]!, ''], query, { onNote: (note) => notes.push(note) });
      const separator = scorer.tokenize('\n\n');
      assert.equal(alone!.length, WINDOW - separator.length);
      assert.deepEqual(withContext, alone, 'no room is left for a context');
      assert.match(notes.join('\n'), /The query is \d+ model tokens, longer than the model's window of 48: only its last \d+ tokens were scored/);
      const ids = scorer.tokenize(query);
      const direct = await plainPass(lm, concat(separator, ids.subarray(ids.length - (WINDOW - separator.length))));
      assert.ok(alone!.every((value, k) => close(value, direct[separator.length - 1 + k]!)));
    } finally {
      await scorer.dispose();
    }
  });

  it('scores a long text in overlapping windows, each conditioned on the previous window’s tail, and says so', async () => {
    const scorer = await openTinyScorer({ window: WINDOW });
    try {
      const text = SAMPLES[0]! + SAMPLES[2]!;
      const ids = scorer.tokenize(text);
      assert.ok(ids.length > 2 * WINDOW, `${ids.length} tokens`);
      const notes: string[] = [];
      const values = await scorer.lineLogProbs(text, { onNote: (note) => notes.push(note) });
      assert.equal(values.length, text.split('\n').length);
      assert.match(notes[0]!, /The text is \d+ model tokens, longer than the model's window of 48: it was scored in \d+ overlapping windows, each token seeing at least the 24 tokens before it/);

      // Token t past the first window is predicted from the window that starts 24 (half a window) to 47
      // tokens before it: windows start every 24 tokens.
      const stride = WINDOW / 2;
      const expectedTokens = new Float64Array(ids.length).fill(Number.NaN);
      const first = await plainPass(lm, ids.subarray(0, WINDOW));
      for (let t = 1; t < WINDOW; t++) expectedTokens[t] = first[t - 1]!;
      for (let start = stride; start + stride < ids.length; start += stride) {
        const pass = await plainPass(lm, ids.subarray(start, Math.min(start + WINDOW, ids.length)));
        for (let t = start + stride; t < Math.min(start + WINDOW, ids.length); t++) expectedTokens[t] = pass[t - start - 1]!;
      }
      const lines = tokenLines(ids, (id) => scorer['tokenizer'].bytesOf(id));
      const expected = lineMeans(expectedTokens, lines, values.length);
      expected.forEach((value, line) => assert.ok(Number.isNaN(value) ? Number.isNaN(values[line]!) : close(values[line]!, value), `line ${line}: ${values[line]} vs ${value}`));
    } finally {
      await scorer.dispose();
    }
  });
});
