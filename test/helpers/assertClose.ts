import assert from 'node:assert/strict';

/** How far log-probs of the same text may differ between two paths through one model (batching, windows, a server). */
export const LOG_PROB_TOLERANCE = 1e-4;

/** Element by element within `tolerance`; NaN (no value, e.g. a blank line) only where NaN is expected. */
export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, tolerance = LOG_PROB_TOLERANCE): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e)) assert.ok(Number.isNaN(a), `${what}[${i}]: ${a}, expected NaN`);
    else assert.ok(Math.abs(a - e) <= tolerance, `${what}[${i}]: ${a} vs ${e}`);
  }
}
