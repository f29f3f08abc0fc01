// Feeds a Qwen2-layout ONNX session the way transformers.js does, and reads log-probs from its logits.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ort from 'onnxruntime-node';
import { fixturesDir } from '../../helpers/repoPaths';

export const tinyModelDir = path.join(fixturesDir, 'models', 'tiny-qwen2');

export interface ExpectedText {
  name: string;
  text: string;
  ids: number[];
  logprobs: number[];
}

export function readExpected(): ExpectedText[] {
  return JSON.parse(fs.readFileSync(path.join(tinyModelDir, 'expected-logprobs.json'), 'utf8')).texts;
}

export interface ModelConfig {
  num_hidden_layers: number;
  num_key_value_heads: number;
  num_attention_heads: number;
  hidden_size: number;
  vocab_size: number;
  max_position_embeddings: number;
}

export function readConfig(): ModelConfig {
  return JSON.parse(fs.readFileSync(path.join(tinyModelDir, 'config.json'), 'utf8'));
}

export type KeyValues = Record<string, ort.Tensor>;

export interface Step {
  /** one row per sequence, all the same length (padding included) */
  ids: number[][];
  /** one row per sequence over past + new tokens: 1 = attend, 0 = padding */
  mask: number[][];
  positions: number[][];
  /** the present.* outputs of the previous step; empty past when absent */
  past?: KeyValues;
}

const int64 = (rows: number[][]) =>
  new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]!.length]);

export async function runStep(session: ort.InferenceSession, config: ModelConfig, step: Step) {
  const headDim = config.hidden_size / config.num_attention_heads;
  const batch = step.ids.length;
  const feeds: Record<string, ort.Tensor> = {
    input_ids: int64(step.ids),
    attention_mask: int64(step.mask),
    position_ids: int64(step.positions),
  };
  for (let layer = 0; layer < config.num_hidden_layers; layer++) {
    for (const kind of ['key', 'value']) {
      feeds[`past_key_values.${layer}.${kind}`] =
        step.past?.[`present.${layer}.${kind}`] ??
        new ort.Tensor('float32', new Float32Array(0), [batch, config.num_key_value_heads, 0, headDim]);
    }
  }
  const out = await session.run(feeds);
  const presents: KeyValues = {};
  for (const name of Object.keys(out)) if (name.startsWith('present.')) presents[name] = out[name]!;
  return { logits: out.logits!, presents };
}

/**
 * ln p(ids[t + 1] | ...) read at positions `from`..`from + next.length - 1` of sequence `row`:
 * the logits at position i predict next[i - from].
 */
export function logProbsAt(logits: ort.Tensor, row: number, from: number, next: number[]): number[] {
  const [, seq, vocab] = logits.dims as number[];
  const data = logits.data as Float32Array;
  return next.map((id, k) => {
    const start = (row * seq! + from + k) * vocab!;
    const scores = data.subarray(start, start + vocab!);
    let max = -Infinity;
    for (const s of scores) max = Math.max(max, s);
    let sum = 0;
    for (const s of scores) sum += Math.exp(s - max);
    return scores[id]! - max - Math.log(sum);
  });
}

/** The log-probs of a whole unpadded sequence in one pass from an empty past. */
export async function sequenceLogProbs(session: ort.InferenceSession, config: ModelConfig, ids: number[]) {
  const { logits } = await runStep(session, config, {
    ids: [ids],
    mask: [ids.map(() => 1)],
    positions: [ids.map((_, i) => i)],
  });
  return logProbsAt(logits, 0, 0, ids.slice(1));
}

export function maxAbsDifference(a: number[], b: number[]): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  return a.reduce((max, x, i) => Math.max(max, Math.abs(x - b[i]!)), 0);
}
