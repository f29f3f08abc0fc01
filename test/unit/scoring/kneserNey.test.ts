import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CacheCounts } from '../../../src/core/scoring/ngram/cacheCounts';
import { mixWithCache } from '../../../src/core/scoring/ngram/cacheMixture';
import { modifiedDiscounts } from '../../../src/core/scoring/ngram/discounts';
import { CONTINUATION, RAW } from '../../../src/core/scoring/ngram/ngramCounts';
import { NgramModel } from '../../../src/core/scoring/ngram/ngramModel';
import { LINE_SETTINGS } from '../../../src/core/scoring/ngram/queryKind';
import { LINE_END_ID, ScoringIds, SCRATCH_BASE } from '../../../src/core/scoring/ngram/vocabulary';
import { stdlibFiles } from './stdlibFiles';

/** Tokens are the words of the text: the model does not depend on how code is lexed. */
const byWords = (text: string) => {
  const tokens = text.split(/\s+/).filter(Boolean);
  return { tokens, lines: new Int32Array(tokens.length), starts: new Int32Array(tokens.length) };
};

/** p(word | history) at `order`, with the model's own base probability (no tokens from elsewhere). */
function probability(model: NgramModel, history: readonly string[], word: string, order = model.order): number {
  const ids = new ScoringIds(model.words).idsOf([...history, word]);
  const out = new Float64Array(2);
  model.probabilities.interpolate(ids, ids.length - 1, order, out);
  return out[0]! + out[1]! / (model.ngrams.tokenTypes + 1);
}

const TINY = 'd d a d a a d a d d a c f c d c f';

describe('modified Kneser-Ney', () => {
  // The tiny corpus, one document, 17 tokens; the first token's history is the padding line end "\n".
  //   bigram counts c(h w): \n d 1 | d d 2, d a 4, d c 1 | a d 3, a a 1, a c 1 | c f 2, c d 1 | f c 1
  //   count-of-counts n1..n4 = 6, 2, 1, 1 -> Y = 6 / (6 + 2*2) = 0.6
  //     D1 = 1 - 2Y n2/n1 = 1 - 1.2 * 2/6 = 0.6;  D2 = 2 - 3Y n3/n2 = 2 - 1.8/2 = 1.1;  D3+ = 3 - 4Y n4/n3 = 0.6
  //   unigram continuation counts N1+(• w): d 4 (\n, d, a, c), a 2 (d, a), c 3 (a, f, d), f 1 (c); total 10
  //   count-of-counts 1, 1, 1, 1 -> Y = 1/3;  D1 = 1/3;  D2 = 2 - 3 * 1/3 = 1;  D3+ = 3 - 4/3 = 5/3
  //   gamma(root) = (1/3 * 1 [f] + 1 * 1 [a] + 5/3 * 2 [c, d]) / 10 = 7/15;  u = 1 / (4 known + 1 unknown) = 1/5
  //   p1(w) = (N1+(• w) - D) / 10 + 7/15 * 1/5:  d 49/150, a 29/150, c 34/150, f 24/150, unknown 14/150
  const model = new NgramModel({ order: 2, lex: byWords });
  model.train([{ path: 'tiny.txt', text: TINY }]);

  const table: [history: string[], word: string, expected: number, why: string][] = [
    [['zz'], 'a', 29 / 150, 'unseen history: the unigram level alone'],
    [['zz'], 'unknown', 14 / 150, 'unigram level, the unknown-token share'],
    // history d: counts d 2, a 4, c 1 -> total 7, N1 = N2 = N3+ = 1, gamma = (0.6 + 1.1 + 0.6) / 7 = 2.3/7
    [['d'], 'a', (4 - 0.6) / 7 + (2.3 / 7) * (29 / 150), 'count 4 takes D3+'],
    [['d'], 'd', (2 - 1.1) / 7 + (2.3 / 7) * (49 / 150), 'count 2 takes D2'],
    [['d'], 'c', (1 - 0.6) / 7 + (2.3 / 7) * (34 / 150), 'count 1 takes D1'],
    [['d'], 'f', (2.3 / 7) * (24 / 150), 'unseen after d: backed-off mass only'],
    [['d'], 'unknown', (2.3 / 7) * (14 / 150), 'unknown after d'],
    // history a: counts d 3, a 1, c 1 -> total 5, N1 = 2, N3+ = 1, gamma = (0.6 * 2 + 0.6) / 5 = 0.36
    [['a'], 'd', (3 - 0.6) / 5 + 0.36 * (49 / 150), 'history a'],
    [['a'], 'f', 0.36 * (24 / 150), 'history a, unseen'],
    // history c: counts f 2, d 1 -> total 3, N1 = N2 = 1, gamma = (0.6 + 1.1) / 3
    [['c'], 'f', (2 - 1.1) / 3 + (1.7 / 3) * (24 / 150), 'history c'],
    // history f: count c 1 -> gamma = 0.6;  padding history \n: count d 1 -> gamma = 0.6
    [['f'], 'c', 0.4 + 0.6 * (34 / 150), 'history f'],
  ];

  it('matches the probabilities worked out by hand on a tiny corpus', () => {
    for (const [history, word, expected, why] of table) {
      assert.ok(Math.abs(probability(model, history, word) - expected) < 1e-12, `${why}: p(${word} | ${history.join(' ')})`);
    }
  });

  it('pads the start of a text with a line end', () => {
    const ids = new ScoringIds(model.words).idsOf(['d']);
    const out = new Float64Array(2);
    model.probabilities.interpolate(ids, 0, 2, out);
    assert.ok(Math.abs(out[0]! + out[1]! / 5 - (0.4 + 0.6 * (49 / 150))) < 1e-12);
  });

  it('derives the discounts from the count-of-counts of each order', () => {
    const close = (a: number, b: number) => Math.abs(a - b) < 1e-12;
    assert.ok(close(model.probabilities.discount(2, RAW, 1), 0.6));
    assert.ok(close(model.probabilities.discount(2, RAW, 2), 1.1));
    assert.ok(close(model.probabilities.discount(2, RAW, 3), 0.6));
    assert.ok(close(model.probabilities.discount(1, CONTINUATION, 1), 1 / 3));
    assert.ok(close(model.probabilities.discount(1, CONTINUATION, 2), 1));
    assert.ok(close(model.probabilities.discount(1, CONTINUATION, 3), 5 / 3));
  });

  it('scores a lower order from raw counts at the top, with fallback discounts where a count-of-count is zero', () => {
    // Raw unigram counts d 7, a 5, c 3, f 2 (17 tokens): n1..n4 = 0, 1, 1, 0 -> Y = 0; D1 is undefined (0/0)
    // and falls back to 0.5; D2 = 2 - 0 = 2; D3+ = 3 - 0 = 3. gamma = (2 * 1 [f] + 3 * 3 [c, a, d]) / 17 = 11/17.
    assert.ok(Math.abs(probability(model, [], 'd', 1) - ((7 - 3) / 17 + (11 / 17) * (1 / 5))) < 1e-12);
    assert.ok(Math.abs(probability(model, [], 'f', 1) - (11 / 17) * (1 / 5)) < 1e-12);
  });

  it('gives the same bigram probabilities from an order-3 model scored at order 2', () => {
    const third = new NgramModel({ order: 3, lex: byWords });
    third.train([{ path: 'tiny.txt', text: TINY }]);
    for (const [history, word, expected] of table) {
      assert.ok(Math.abs(probability(third, history, word, 2) - expected) < 1e-12);
    }
  });

  it('falls back to absolute discounting where the estimate is undefined or out of range', () => {
    assert.deepEqual(modifiedDiscounts(0, 0, 0, 0), [0.5, 1, 1.5]);
    // n1 = 10, n2 = 1: Y = 10/12, D1 = 1 - 2Y/10 = 5/6; D2 = 2 - 3Y * 0/1 = 2 (no n3: all of a count of 2
    // goes); D3+ = 3 - 4Y * 0/0 is undefined -> 1.5.
    const [d1, d2, d3] = modifiedDiscounts(10, 1, 0, 0);
    assert.ok(Math.abs(d1 - 5 / 6) < 1e-12);
    assert.deepEqual([d2, d3], [2, 1.5]);
    // D2 = 2 - 3Y n3/n2 below zero when n3 is much larger than n2.
    assert.equal(modifiedDiscounts(4, 1, 10, 1)[1], 1);
  });
});

describe('every next-token distribution sums to 1', () => {
  const model = new NgramModel({ order: 3 });
  model.train(stdlibFiles(12));
  const known: number[] = [];
  for (let id = 0; id < model.words.size; id++) if (model.ngrams.isKnown(id)) known.push(id);
  const probe = new ScoringIds(model.words).idsOf(
    model.tokens(readFileSync('/usr/lib/python3.11/textwrap.py', 'utf8').slice(0, 3000), 'python').tokens,
  );
  const positions = [0, 1, 7, 40, 99, 200, probe.length - 1];
  const out = new Float64Array(2);

  it('over the known tokens and the unknown-token share, at every order', () => {
    for (const order of [1, 2, 3]) {
      for (const t of positions) {
        const ids = probe.slice(0, t + 1);
        const u = 1 / (known.length + 1);
        let sum = 0;
        for (const id of known) {
          ids[t] = id;
          model.probabilities.interpolate(ids, t, order, out);
          sum += out[0]! + out[1]! * u;
        }
        ids[t] = SCRATCH_BASE + 1; // a token the model never saw
        model.probabilities.interpolate(ids, t, order, out);
        sum += out[0]! + out[1]! * u;
        assert.ok(Math.abs(sum - 1) < 1e-9, `order ${order}, position ${t}: ${sum}`);
      }
    }
  });

  it('with a cache of conditioning text that brings tokens of its own', () => {
    const scoring = new ScoringIds(model.words);
    const context = scoring.idsOf(model.tokens('def brand_new_helper(zyx):\n    return zyx.qqq + self.value\n').tokens);
    const cache = new CacheCounts(3);
    cache.countOnly(undefined);
    const others = new Set<number>();
    for (let i = 0; i < context.length; i++) {
      cache.add(context, i);
      if (context[i] !== LINE_END_ID && !model.ngrams.isKnown(context[i]!)) others.add(context[i]!);
    }
    assert.ok(others.size > 0, 'the context has tokens the model does not know');
    const u = 1 / (known.length + others.size + 1);
    for (const t of positions) {
      const ids = probe.slice(0, t + 1);
      let sum = 0;
      for (const id of [...known, ...others, SCRATCH_BASE + 999_999]) {
        ids[t] = id;
        model.probabilities.interpolate(ids, t, 3, out);
        sum += mixWithCache(out[0]! + out[1]! * u, cache, ids, t, LINE_SETTINGS.cache);
      }
      assert.ok(Math.abs(sum - 1) < 1e-9, `position ${t}: ${sum}`);
    }
  });
});
