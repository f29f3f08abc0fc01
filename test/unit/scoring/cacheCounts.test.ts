import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CacheCounts } from '../../../src/core/scoring/ngram/cacheCounts';
import { ngramTokens } from '../../../src/core/scoring/ngram/ngramTokens';
import { ScoringIds, Vocabulary } from '../../../src/core/scoring/ngram/vocabulary';

describe('the cache of conditioning text', () => {
  const ids = new ScoringIds(new Vocabulary());
  const context = ids.idsOf(ngramTokens('for item in items:\n    total += item.price\n    count += 1\nreturn total\n').tokens);
  const query = ids.idsOf(ngramTokens('total = item.price * count\n').tokens);

  function lookups(cache: CacheCounts): number[][] {
    cache.clear();
    for (let i = 0; i < context.length; i++) cache.add(context, i);
    const ngrams = new Float64Array(4);
    const histories = new Float64Array(4);
    return Array.from(query, (_, t) => {
      cache.lookup(query, t, ngrams, histories);
      return [...ngrams.slice(1), ...histories.slice(1)];
    });
  }

  it('counts n-grams and histories of every order', () => {
    const cache = new CacheCounts(3);
    const found = lookups(cache);
    // The context's 15 tokens besides line ends: for item in items : total += item . price count += <num>
    // return total. The text starts after padding line ends, so "\n for" and "\n \n for" count.
    // "total" (query position 0, after "\n \n"): twice in all; once after a line end ("return total"
    // is not); never after two. Histories: 15 tokens; 4 after a line end (for, total, count, return);
    // 1 after two ("for").
    assert.deepEqual(found[0], [2, 1, 0, 15, 4, 1]);
    // "price" after "item .": once each as unigram, bigram and trigram; "." and "item ." precede one token.
    assert.deepEqual(found[4], [1, 1, 1, 15, 1, 1]);
  });

  it('gives the same lookups for the query when it counts only the query’s tokens', () => {
    const everything = new CacheCounts(3);
    everything.countOnly(undefined);
    const onlyQuery = new CacheCounts(3);
    onlyQuery.countOnly(new Set(query));
    assert.deepEqual(lookups(onlyQuery), lookups(everything));
  });
});
