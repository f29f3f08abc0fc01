import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { AutoModelForCausalLM, AutoTokenizer, Tensor, env } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { QUANTIZED_MAX_DIFF } from './quantizedTolerance';
import { logProbsAt, maxAbsDifference, readExpected, tinyModelDir } from './runCausalLm';

const expected = readExpected();

// What the real scorer does: transformers.js, offline, from a local folder.
describe('tiny Qwen2 fixture through transformers.js, offline', () => {
  before(() => {
    env.allowRemoteModels = false;
    env.localModelPath = path.dirname(tinyModelDir);
  });

  it('loads the tokenizer and encodes every text to the ids the fixture was made with', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(path.basename(tinyModelDir));
    for (const text of expected) {
      const ids = tokenizer.encode(text.text, { add_special_tokens: false });
      assert.deepEqual(ids, text.ids, text.name);
      assert.equal(tokenizer.decode(ids), text.text.normalize('NFC'), text.name);
    }
  });

  // dtype fp32 reads onnx/model.onnx with its external data; q8 reads onnx/model_quantized.onnx.
  for (const [dtype, tolerance] of [['fp32', 1e-4], ['q8', QUANTIZED_MAX_DIFF]] as const) {
    it(`loads the ${dtype} model and gives the expected log-probs`, async () => {
      const model = await AutoModelForCausalLM.from_pretrained(path.basename(tinyModelDir), { dtype, device: 'cpu' });
      try {
        const { ids, logprobs } = expected[0]!;
        const out = await model({
          input_ids: new Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]),
          attention_mask: new Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]),
        });
        const logits = new ort.Tensor('float32', out.logits.data as Float32Array, out.logits.dims);
        const diff = maxAbsDifference(logProbsAt(logits, 0, 0, ids.slice(1)), logprobs);
        assert.ok(diff < tolerance, `differs by ${diff}`);
      } finally {
        await model.dispose();
      }
    });
  }
});
