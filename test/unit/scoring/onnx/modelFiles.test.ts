import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { OnnxScorer } from '../../../../src/core/scoring/onnx/onnxScorer';
import { tinyModelDir } from './tinyModel';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'onnx-model-files-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
/** A copy of the tiny model folder, broken by `breakIt`. */
function brokenCopy(breakIt: (folder: string) => void): string {
  const folder = path.join(scratch, `model-${copies++}`);
  fs.cpSync(tinyModelDir, folder, { recursive: true });
  breakIt(folder);
  return folder;
}

/** Opening fails with one line that names the folder and `mentions`. */
async function assertOneLineError(folder: string, dtype: 'fp32' | 'q8', mentions: RegExp): Promise<void> {
  await assert.rejects(OnnxScorer.open({ folder, dtype, threads: 1 }), (error: Error) => {
    assert.equal(error.message.split('\n').length, 1, error.message);
    assert.ok(error.message.includes(folder), `names the folder: ${error.message}`);
    assert.match(error.message, mentions);
    return true;
  });
}

describe('OnnxScorer: a model folder that cannot be used', () => {
  it('a missing folder', async () => {
    await assertOneLineError(path.join(scratch, 'nowhere'), 'fp32', /Model folder .* does not exist: download the model/);
  });

  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
    it(`a missing ${file}`, async () => {
      const folder = brokenCopy((dir) => fs.rmSync(path.join(dir, file)));
      await assertOneLineError(folder, 'fp32', new RegExp(`Model file ${file} is missing in .*: the model was not fully downloaded; download it again\\.$`));
    });
  }

  it('a config that is not JSON', async () => {
    const folder = brokenCopy((dir) => fs.writeFileSync(path.join(dir, 'config.json'), '{"model_type": "qwen2",'));
    await assertOneLineError(folder, 'fp32', /Model file config.json in .* cannot be read .*download it again/);
  });

  it('a tokenizer that is not JSON', async () => {
    const folder = brokenCopy((dir) => fs.writeFileSync(path.join(dir, 'tokenizer.json'), '{"version": "1.0", "model": {'));
    await assertOneLineError(folder, 'fp32', /Model file tokenizer.json in .* cannot be read \(.*JSON.*\): download the model again\.$/);
  });

  it('the weights of the asked dtype are missing: names the ones that are there', async () => {
    const folder = brokenCopy((dir) => fs.rmSync(path.join(dir, 'onnx', 'model_quantized.onnx')));
    await assertOneLineError(folder, 'q8', /Model file onnx\/model_quantized.onnx \(dtype q8\) is missing in .*: choose a dtype that is present \(fp32\)/);
  });

  it('a missing external-data file', async () => {
    const folder = brokenCopy((dir) => fs.rmSync(path.join(dir, 'onnx', 'model.onnx_data')));
    await assertOneLineError(folder, 'fp32', /^Model file onnx\/model.onnx_data is missing in .*: the model was not fully downloaded; download it again\.$/);
  });

  it('a truncated external-data file', async () => {
    const folder = brokenCopy((dir) => {
      const data = path.join(dir, 'onnx', 'model.onnx_data');
      fs.truncateSync(data, Math.floor(fs.statSync(data).size / 2));
    });
    await assertOneLineError(folder, 'fp32', /Model file onnx\/model.onnx_data in .* is incomplete \(\d+ of at least \d+ bytes\): the download was interrupted/);
  });

  it('a truncated model file', async () => {
    const folder = brokenCopy((dir) => {
      const model = path.join(dir, 'onnx', 'model_quantized.onnx');
      fs.truncateSync(model, Math.floor(fs.statSync(model).size * 0.6));
    });
    await assertOneLineError(folder, 'q8', /Model file onnx\/model_quantized.onnx in .* is damaged .*download the model again/);
  });

  it('a model file overwritten with other bytes', async () => {
    const folder = brokenCopy((dir) => fs.writeFileSync(path.join(dir, 'onnx', 'model.onnx'), '<html>503 Service Unavailable</html>\n'));
    await assertOneLineError(folder, 'fp32', /Model file onnx\/model.onnx in .* (is damaged|cannot be loaded).*download the model again/);
  });
});
