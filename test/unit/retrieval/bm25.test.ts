import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bm25Scores, rankBm25 } from '../../../src/core/retrieval/bm25';
import { searchTerms } from '../../../src/core/retrieval/searchTerms';

const chunks = [
  { id: 'db', text: 'def open_connection(url):\n    """Connect to the database."""\n    return driver.connect(url)\n', language: 'python' },
  { id: 'cache', text: 'def evict_stale_entries(cache, max_age):\n    # drop entries older than max_age\n    return [e for e in cache if e.age < max_age]\n', language: 'python' },
  { id: 'log', text: 'def log_message(level, text):\n    print(level, text)\n', language: 'python' },
];

describe('search terms', () => {
  it('puts code identifiers and prose questions in one vocabulary', () => {
    assert.deepEqual(searchTerms('evictStaleEntries(cache)'), ['evictstaleentries', 'evict', 'stale', 'entries', 'cache']);
    const question = ['stale', 'entries', 'evicted', 'cache'];
    assert.deepEqual(searchTerms('How are stale entries evicted from the cache?'), question);
    assert.deepEqual(searchTerms('# How are stale entries evicted from the cache?', 'python'), question, 'the same as a comment');
  });
});

describe('BM25', () => {
  it('ranks the chunk that shares the rare query words first', () => {
    assert.deepEqual(rankBm25(chunks, '"drop stale cache entries by age"')[0], 'cache');
    assert.deepEqual(rankBm25(chunks, 'open_connection(database_url)')[0], 'db');
  });

  it('scores a chunk with no query term 0, and keeps the given order among ties', () => {
    const scores = bm25Scores(chunks, 'evict_stale_entries');
    assert.equal(scores[0], 0);
    assert.equal(scores[2], 0);
    assert.ok(scores[1]! > 0);
    assert.deepEqual(rankBm25(chunks, 'nothing_matches_here'), ['db', 'cache', 'log']);
  });

  it('weighs a rare term above a common one', () => {
    const docs = [
      { id: 'a', text: 'value value value rare_word' },
      { id: 'b', text: 'value value value value' },
      { id: 'c', text: 'value other' },
    ];
    const [a, b] = bm25Scores(docs, 'value rare_word');
    assert.ok(a! > b!);
  });
});
