import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capToBudget } from '../../../src/core/compress/capToBudget';
import type { Selection } from '../../../src/core/compress/selection';
import { seededRandom } from '../../helpers/seededRandom';

// A rendering with a cost the estimates do not see, as a file header or a placeholder: every pick renders
// its own words plus OVERHEAD more, while a drop is estimated to save only its own words.
const OVERHEAD = 5;
const words = (selection: Selection, sizes: Record<string, number>) =>
  selection.picks.flatMap((id) => Array.from({ length: sizes[id]! + OVERHEAD }, () => id)).join(' ');
const count = (text: string) => (text === '' ? 0 : text.split(' ').length);
const selectionOf = (picks: string[]): Selection => ({ pinned: new Set(), picks, trimmed: new Map() });

test('a drop that saves more than estimated does not take a better-ranked pick with it', () => {
  const sizes = { a: 10, b: 10, c: 10 };
  // 45 words, 14 over: the estimate says dropping c (10) is not enough, but it is (30 words).
  const capped = capToBudget(selectionOf(['a', 'b', 'c']), 31, (s) => words(s, sizes), count, (id) => sizes[id as keyof typeof sizes]);
  assert.deepEqual(capped.selection.picks, ['a', 'b']);
  assert.equal(capped.tokens, 30);
});

test('a property: under underestimates the cap keeps the longest prefix of the ranking that fits', () => {
  const random = seededRandom(11);
  for (let round = 0; round < 300; round++) {
    const ids = Array.from({ length: 1 + Math.floor(random() * 10) }, (_, i) => `p${i}`);
    const sizes = Object.fromEntries(ids.map((id) => [id, 1 + Math.floor(random() * 20)]));
    const budget = Math.floor(random() * 150);
    const capped = capToBudget(selectionOf(ids), budget, (s) => words(s, sizes), count, (id) => sizes[id]!);
    let best = 0;
    while (best < ids.length && count(words(selectionOf(ids.slice(0, best + 1)), sizes)) <= budget) best++;
    assert.equal(capped.selection.picks.length, best, `round ${round}: budget ${budget}, sizes ${JSON.stringify(sizes)}`);
    assert.ok(capped.tokens <= budget);
  }
});
