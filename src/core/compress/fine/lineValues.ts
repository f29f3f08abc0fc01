/**
 * v[i] = log2 of line i's perplexity, from the mean natural-log probability of its tokens given the lines
 * before it. NaN stays NaN: a line with nothing to predict (blank) is invalid.
 */
export function lineValues(meanLogProbs: ArrayLike<number>, lineCount: number = meanLogProbs.length): Float64Array {
  const values = new Float64Array(lineCount).fill(Number.NaN);
  for (let i = 0; i < Math.min(lineCount, meanLogProbs.length); i++) {
    // `0 -` rather than a unary minus: a certain line (log-prob 0) is 0, not -0.
    values[i] = 0 - meanLogProbs[i]! / Math.LN2;
  }
  return values;
}
