import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as ort from 'onnxruntime-node';
import { initializerPlaces, nodeTypes } from './onnxProtoFields';
import { QUANTIZED_MAX_DIFF, QUANTIZED_MEAN_DIFF } from './quantizedTolerance';
import {
  type ModelConfig,
  logProbsAt,
  maxAbsDifference,
  readConfig,
  readExpected,
  runStep,
  sequenceLogProbs,
  tinyModelDir,
} from './runCausalLm';

const fp32Path = path.join(tinyModelDir, 'onnx', 'model.onnx');
const quantizedPath = path.join(tinyModelDir, 'onnx', 'model_quantized.onnx');
const expected = readExpected();
const byName = (name: string) => expected.find((t) => t.name === name)!;
const padId: number = JSON.parse(fs.readFileSync(path.join(tinyModelDir, 'generation_config.json'), 'utf8')).pad_token_id;

describe('tiny Qwen2 ONNX fixture, run with onnxruntime-node', () => {
  let config: ModelConfig;
  let fp32: ort.InferenceSession;

  before(async () => {
    config = readConfig();
    fp32 = await ort.InferenceSession.create(fp32Path, { executionProviders: ['cpu'] });
  });

  it('has the published I/O names', () => {
    const layers = Array.from({ length: config.num_hidden_layers }, (_, i) => i);
    assert.deepEqual(fp32.inputNames, [
      'input_ids',
      'attention_mask',
      'position_ids',
      ...layers.flatMap((i) => [`past_key_values.${i}.key`, `past_key_values.${i}.value`]),
    ]);
    assert.deepEqual(fp32.outputNames, ['logits', ...layers.flatMap((i) => [`present.${i}.key`, `present.${i}.value`])]);
  });

  it('gives the log-probs the torch model gave for every text, within 1e-4', async () => {
    for (const text of expected) {
      const logprobs = await sequenceLogProbs(fp32, config, text.ids);
      const diff = maxAbsDifference(logprobs, text.logprobs);
      assert.ok(diff < 1e-4, `${text.name}: differs by ${diff}`);
    }
  });

  it('covers a text close to its 256-token window', () => {
    const longest = Math.max(...expected.map((t) => t.ids.length));
    assert.equal(config.max_position_embeddings, 256);
    assert.ok(longest > 240 && longest <= 256, `longest text: ${longest} tokens`);
  });

  it('predicts the code it was trained on better than chance', () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const python = mean(byName('python').logprobs);
    assert.ok(python > -Math.log(config.vocab_size) + 2, `mean log-prob ${python}`);
  });

  it('continues from its own key/value cache: two halves score like one pass', async () => {
    const { ids, logprobs } = byName('near-window');
    const cut = 100;
    const first = await runStep(fp32, config, {
      ids: [ids.slice(0, cut)],
      mask: [Array(cut).fill(1)],
      positions: [ids.slice(0, cut).map((_, i) => i)],
    });
    const headDim = config.hidden_size / config.num_attention_heads;
    assert.deepEqual(first.presents['present.0.key']!.dims, [1, config.num_key_value_heads, cut, headDim]);
    const second = await runStep(fp32, config, {
      ids: [ids.slice(cut)],
      mask: [ids.map(() => 1)],
      positions: [ids.slice(cut).map((_, i) => cut + i)],
      past: first.presents,
    });
    assert.deepEqual(second.presents['present.1.value']!.dims, [1, config.num_key_value_heads, ids.length, headDim]);
    const joined = [...logProbsAt(first.logits, 0, 0, ids.slice(1, cut + 1)), ...logProbsAt(second.logits, 0, 0, ids.slice(cut + 1))];
    assert.ok(maxAbsDifference(joined, logprobs) < 1e-4);
  });

  for (const side of ['right', 'left'] as const) {
    it(`scores a ${side}-padded batch of two texts as each text alone`, async () => {
      const long = byName('python');
      const short = byName('special-token-in-code');
      const width = long.ids.length;
      const padding = width - short.ids.length;
      const pad = <T>(row: T[], value: T) => (side === 'right' ? [...row, ...Array(padding).fill(value)] : [...Array(padding).fill(value), ...row]);
      const { logits } = await runStep(fp32, config, {
        ids: [long.ids, pad(short.ids, padId)],
        mask: [long.ids.map(() => 1), pad(short.ids.map(() => 1), 0)],
        // Padding positions get position 1, as transformers.js gives them; real tokens count from 0.
        positions: [long.ids.map((_, i) => i), pad(short.ids.map((_, i) => i), 1)],
      });
      assert.ok(maxAbsDifference(logProbsAt(logits, 0, 0, long.ids.slice(1)), long.logprobs) < 1e-4);
      const from = side === 'right' ? 0 : padding;
      assert.ok(maxAbsDifference(logProbsAt(logits, 1, from, short.ids.slice(1)), short.logprobs) < 1e-4);
      assert.ok((logits.data as Float32Array).every(Number.isFinite), 'padding rows must not produce NaN');
    });
  }

  it('keeps its weights in onnx/model.onnx_data: model.onnx alone is small and cannot run', async () => {
    const graphBytes = fs.statSync(fp32Path).size;
    const dataBytes = fs.statSync(path.join(tinyModelDir, 'onnx', 'model.onnx_data')).size;
    assert.ok(dataBytes > 10 * graphBytes, `model.onnx ${graphBytes} bytes, model.onnx_data ${dataBytes}`);
    const places = initializerPlaces(fs.readFileSync(fp32Path));
    const embedding = places.find((p) => p.name === 'model.embed_tokens.weight');
    assert.ok(embedding?.external && embedding.inlineBytes === 0, 'the embedding is stored outside model.onnx');

    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-onnx-alone-'));
    try {
      fs.copyFileSync(fp32Path, path.join(alone, 'model.onnx'));
      await assert.rejects(ort.InferenceSession.create(path.join(alone, 'model.onnx')));
    } finally {
      fs.rmSync(alone, { recursive: true, force: true });
    }
  });

  it('has a dynamically quantized variant: MatMulInteger on int8 weights, close to fp32', async () => {
    const quantizedTypes = nodeTypes(fs.readFileSync(quantizedPath));
    const count = (types: string[], type: string) => types.filter((t) => t === type).length;
    const layers = config.num_hidden_layers;
    // 7 weight products per layer (q, k, v, o, gate, up, down) plus the output head.
    assert.equal(count(quantizedTypes, 'MatMulInteger'), 7 * layers + 1);
    assert.ok(count(quantizedTypes, 'DynamicQuantizeLinear') > 0);
    // What stays float: the two activation products of attention in each layer.
    assert.equal(count(quantizedTypes, 'MatMul'), 2 * layers);
    assert.equal(count(nodeTypes(fs.readFileSync(fp32Path)), 'MatMulInteger'), 0);
    assert.ok(initializerPlaces(fs.readFileSync(quantizedPath)).every((p) => !p.external), 'one self-contained file');

    const quantized = await ort.InferenceSession.create(quantizedPath, { executionProviders: ['cpu'] });
    let sum = 0;
    let n = 0;
    for (const text of expected) {
      const logprobs = await sequenceLogProbs(quantized, config, text.ids);
      const diff = maxAbsDifference(logprobs, text.logprobs);
      assert.ok(diff < QUANTIZED_MAX_DIFF, `${text.name}: differs by up to ${diff}`);
      assert.ok(diff > 1e-6, `${text.name}: identical to fp32, so not quantized`);
      logprobs.forEach((x, i) => (sum += Math.abs(x - text.logprobs[i]!)));
      n += logprobs.length;
    }
    assert.ok(sum / n < QUANTIZED_MEAN_DIFF, `mean difference ${sum / n}`);
  });
});
