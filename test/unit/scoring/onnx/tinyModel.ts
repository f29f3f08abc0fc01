// The committed tiny Qwen2-architecture model, and direct passes through it for reference values.
import * as path from 'node:path';
import { CausalLm } from '../../../../src/core/scoring/onnx/causalLm';
import { type ModelDtype, openModelFolder } from '../../../../src/core/scoring/onnx/modelFolder';
import { readModelWithLogProbHead } from '../../../../src/core/scoring/onnx/modelGraph';
import { OnnxScorer, type OnnxScorerOptions } from '../../../../src/core/scoring/onnx/onnxScorer';
import { fixturesDir } from '../../../helpers/repoPaths';

export const tinyModelDir = path.join(fixturesDir, 'models', 'tiny-qwen2');

export function openTinyScorer(options: Partial<OnnxScorerOptions> = {}): Promise<OnnxScorer> {
  return OnnxScorer.open({ folder: tinyModelDir, dtype: 'fp32', threads: 1, ...options });
}

/** The model alone: every token's log-prob given the ones before it, from one pass over exactly `ids`. */
export async function plainPass(lm: CausalLm, ids: Int32Array): Promise<Float32Array> {
  const [result] = await lm.forward([{ ids }]);
  return result!.logProbs;
}

export async function openTinyLm(dtype: ModelDtype = 'fp32'): Promise<CausalLm> {
  const { config, modelPath } = openModelFolder(tinyModelDir, dtype);
  const bytes = await readModelWithLogProbHead(tinyModelDir, modelPath);
  return CausalLm.create(bytes, path.dirname(modelPath), config, { device: 'cpu', threads: 1 }, modelPath);
}

/** Code to score: short functions of different lengths, in two languages. */
export const SAMPLES = [
  `def moving_average(values, window):
    """Mean of each run of \`window\` consecutive values."""
    if window <= 0:
        raise ValueError("window must be positive")
    total = sum(values[:window])
    averages = [total / window]
    for i in range(window, len(values)):
        total += values[i] - values[i - window]
        averages.append(total / window)
    return averages
`,
  `export function parseHeader(line: string): [string, string] {
  const colon = line.indexOf(':');
  return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
}
`,
  `class LeakyBucket:
    def __init__(self, capacity, leak_rate):
        self.capacity = capacity
        self.leak_rate = leak_rate
        self.level = 0

    def add(self, amount):
        self.level = min(self.capacity, self.level + amount)
`,
  `x = 1\n`,
  `    return {"name": name,  "size": len(data)}   \n\n  # trailing comment\n`,
];

export const QUERY = 'How is the moving average of a window of values computed?';
export const OTHER_QUERY = 'def add(self, amount):';
