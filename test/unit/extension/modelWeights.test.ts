import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { chooseScorer, ScorerSettingError, weightsFor, type ScorerSettings } from '../../../src/extension/settings/scorerChoice';
import { fixturesDir } from '../../helpers/repoPaths';

const tiny = path.join(fixturesDir, 'models', 'tiny-qwen2'); // fp32 and q8 weights, no fp16

function settings(dtype: string, modelPath = tiny): ScorerSettings {
  return { scorer: 'onnx', modelPath, dtype, device: 'auto', memoryLimitMB: 4096, remote: { endpoint: '', model: '', tokenizerPath: '' } };
}

describe('which weights the neural scorer loads (longcodezip.model.dtype)', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-weights-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('auto: q8 on the CPU, fp16 on a GPU, else the next the folder holds', () => {
    assert.equal(weightsFor('auto', 'cpu', tiny), 'q8');
    assert.equal(weightsFor('auto', 'webgpu', tiny), 'fp32', 'no fp16 here: fp32 before q8 on a GPU');
    const withHalf = path.join(scratch, 'half');
    fs.mkdirSync(path.join(withHalf, 'onnx'), { recursive: true });
    fs.writeFileSync(path.join(withHalf, 'onnx', 'model_fp16.onnx'), '');
    fs.writeFileSync(path.join(withHalf, 'onnx', 'model_quantized.onnx'), '');
    assert.equal(weightsFor('auto', 'cuda', withHalf), 'fp16');
    assert.equal(weightsFor('auto', 'cpu', withHalf), 'q8');
  });

  it('a chosen dtype is loaded as chosen, whatever the device', () => {
    assert.equal(weightsFor('fp32', 'cpu', tiny), 'fp32');
    assert.equal(weightsFor('q8', 'webgpu', tiny), 'q8');
  });

  it('auto is the default and what an unknown value means; a folder with no weights names the CPU choice', () => {
    for (const value of ['auto', 'bf17', '']) {
      const choice = chooseScorer(settings(value), true);
      assert.equal(choice.kind === 'onnx' && choice.dtype, 'auto', value);
    }
    const empty = path.join(scratch, 'empty');
    fs.mkdirSync(empty);
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) fs.copyFileSync(path.join(tiny, file), path.join(empty, file));
    assert.throws(() => chooseScorer(settings('auto', empty), true), (error: unknown) => error instanceof ScorerSettingError && /model_quantized\.onnx/.test(error.message));
  });
});
