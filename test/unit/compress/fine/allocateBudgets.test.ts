import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateBudgets, type BudgetItem } from '../../../../src/core/compress/fine/allocateBudgets';
import { seededRandom } from '../../../helpers/seededRandom';

const spent = (items: readonly BudgetItem[], rates: readonly number[]) => items.reduce((sum, item, i) => sum + item.tokens * rates[i]!, 0);
const fn = (tokens: number, score: number, keepWhole = false): BudgetItem => ({ tokens, score, keepWhole });

describe('per-function budgets', () => {
  it('meet the budget: the rates times the tokens add up to it', () => {
    const items = [fn(100, 0.9), fn(200, 0.5), fn(300, 0.1)];
    const rates = allocateBudgets(items, 300, 0.5);
    assert.ok(Math.abs(spent(items, rates) - 300) < 1e-6, `spent ${spent(items, rates)}`);
  });

  it('beta gives more of its function to a higher coarse score', () => {
    const items = [fn(100, 3), fn(100, 2), fn(100, 1)];
    const rates = allocateBudgets(items, 150, 0.5);
    assert.ok(rates[0]! > rates[1]! && rates[1]! > rates[2]!, `rates ${rates}`);
    // s = 1, 0.5, 0: with r = 0.5 the weights are 1.5, 1, 0.5; they already meet the budget.
    assert.deepEqual(rates.map((r) => Math.round(r * 1e9) / 1e9), [0.75, 0.5, 0.25]);
  });

  it('beta = 0 gives every function the global rate', () => {
    const rates = allocateBudgets([fn(100, 3), fn(300, 1)], 200, 0);
    assert.deepEqual(rates.map((r) => Math.round(r * 1e9) / 1e9), [0.5, 0.5]);
  });

  it('equal scores count as the best (s = 1) and share alike', () => {
    const rates = allocateBudgets([fn(100, 7), fn(100, 7)], 100, 0.5);
    assert.deepEqual(rates.map((r) => Math.round(r * 1e9) / 1e9), [0.5, 0.5]);
  });

  it('clamps at 1: what a capped function cannot use goes to the others, still meeting the budget', () => {
    const items = [fn(100, 10), fn(900, 0)];
    const rates = allocateBudgets(items, 600, 1);
    assert.equal(rates[0], 1);
    assert.ok(Math.abs(spent(items, rates) - 600) < 1e-6);
    assert.ok(rates[1]! > 0 && rates[1]! < 1);
  });

  it('a budget above everything keeps everything; a budget of nothing keeps nothing', () => {
    assert.deepEqual(allocateBudgets([fn(100, 1), fn(50, 0)], 1000, 0.5), [1, 1]);
    assert.deepEqual(allocateBudgets([fn(100, 1), fn(50, 0)], 0, 0.5), [0, 0]);
  });

  it('short functions are kept whole and paid for first', () => {
    const items = [fn(40, 0, true), fn(100, 1), fn(100, 1)];
    const rates = allocateBudgets(items, 140, 0.5);
    assert.equal(rates[0], 1);
    assert.deepEqual(rates.slice(1).map((r) => Math.round(r * 1e9) / 1e9), [0.5, 0.5]);
    assert.deepEqual(allocateBudgets(items, 30, 0.5), [1, 0, 0], 'whole-kept over the budget leaves nothing for the rest');
  });

  it('never spend more than the budget, and meet it when possible, on random cases', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      const items = Array.from({ length: 1 + Math.floor(random() * 8) }, () => fn(1 + Math.floor(random() * 500), random(), random() < 0.2));
      const budget = Math.floor(random() * items.reduce((sum, item) => sum + item.tokens, 0) * 1.2);
      const beta = random();
      const rates = allocateBudgets(items, budget, beta);
      for (const rate of rates) assert.ok(rate >= 0 && rate <= 1, `seed ${seed}: rate ${rate}`);
      const wholeTokens = spent(items.filter((i) => i.keepWhole), items.filter((i) => i.keepWhole).map(() => 1));
      const rest = items.filter((i) => !i.keepWhole);
      const restSpent = spent(rest, rates.filter((_, i) => !items[i]!.keepWhole));
      const available = Math.max(0, budget - wholeTokens);
      assert.ok(restSpent <= available + 1e-6, `seed ${seed}: ${restSpent} > ${available}`);
      const restTotal = rest.reduce((sum, item) => sum + item.tokens, 0);
      assert.ok(restSpent >= Math.min(available, restTotal) - 1e-6, `seed ${seed}: ${restSpent} < ${Math.min(available, restTotal)}`);
    }
  });
});
