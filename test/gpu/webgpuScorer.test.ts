// The GPU code path, for real: ONNX Runtime's WebGPU provider on Mesa 25's lavapipe (a software Vulkan
// driver, installed by scripts/setup-webgpu.sh). Part of the full run only (scripts/test.mjs). Without
// the driver these tests fail, they do not skip: the scorer's CPU fallback would otherwise hide it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompressionResult } from '../../src/core/compress/compressionResult';
import { chooseDevice } from '../../src/core/scoring/onnx/devices/chooseDevice';
import { systemDeviceProbes } from '../../src/core/scoring/onnx/devices/systemDeviceProbes';
import { OnnxScorer } from '../../src/core/scoring/onnx/onnxScorer';
import { repoRoot } from '../helpers/repoPaths';
import { runCliProcess } from '../helpers/runCliProcess';
import { tinyModelDir } from '../unit/scoring/onnx/tinyModel';

// fp32 logits agree within 3e-7 (docs/devices.md); log-softmax over 32k values keeps that near 1e-5.
const TOLERANCE = 1e-4;
const TEXT = 'def late_fee(days, rate):\n    if days <= 0:\n        return 0\n    return days * rate\n';
const CONTEXTS = ['import math\n\ndef area(r):\n    return math.pi * r * r\n', 'class Shelf:\n    def __init__(self):\n        self.books = []\n', ''];
const QUERY = 'def circumference(r):\n    return 2 * math.pi * r\n';

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < actual.length; i++) {
    if (Number.isNaN(expected[i])) assert.ok(Number.isNaN(actual[i]), `${what}[${i}] should be NaN`);
    else assert.ok(Math.abs(actual[i]! - expected[i]!) <= TOLERANCE, `${what}[${i}]: webgpu ${actual[i]} vs cpu ${expected[i]}`);
  }
}

describe('the neural scorer on WebGPU (lavapipe)', () => {
  let webgpu: OnnxScorer;
  let cpu: OnnxScorer;
  const notes: string[] = [];
  before(async () => {
    webgpu = await OnnxScorer.open({ folder: tinyModelDir, dtype: 'fp32', device: 'webgpu', threads: 1, cacheBytes: 0 });
    cpu = await OnnxScorer.open({ folder: tinyModelDir, dtype: 'fp32', device: 'cpu', threads: 1, cacheBytes: 0 });
  });
  after(async () => {
    await webgpu?.dispose();
    await cpu?.dispose();
  });

  it('runs on WebGPU when forced: no fallback to the CPU', async () => {
    await webgpu.lineLogProbs('x = 1\n', { onNote: (note) => notes.push(note) });
    assert.deepEqual(notes, [], 'WebGPU failed; is Mesa >= 25 lavapipe installed (scripts/setup-webgpu.sh)?');
    assert.equal(webgpu.info().device, 'webgpu');
  });

  it('line log-probs match the CPU provider', async () => {
    assertClose(await webgpu.lineLogProbs(TEXT), await cpu.lineLogProbs(TEXT), 'lineLogProbs');
  });

  it('query log-probs of a batch (padding, several rows) match the CPU provider', async () => {
    const [gpuRows, cpuRows] = [await webgpu.queryLogProbs(CONTEXTS, QUERY), await cpu.queryLogProbs(CONTEXTS, QUERY)];
    gpuRows.forEach((row, i) => assertClose(row, cpuRows[i]!, `queryLogProbs[${i}]`));
  });

  it('auto never picks the software adapter: the CPU here', async () => {
    const chosen = await chooseDevice('auto', systemDeviceProbes());
    assert.equal(chosen.device, 'cpu', chosen.reason);
    assert.match(chosen.reason, /no WebGPU \((only a software adapter|no GPU device node)/);
  });
});

describe('longcodezip compress --device webgpu', () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-webgpu-'));
  after(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  it('runs the scorer process on WebGPU and says so in the result', () => {
    const result = runCliProcess(
      ['compress', '--query', 'How is the late fee calculated?', '--budget', '800', '--scorer', 'onnx', '--model', tinyModelDir, '--device', 'webgpu', '--json'],
      { cwd: path.join(repoRoot, 'examples', 'sample-project'), env: { ...process.env, LONGCODEZIP_CACHE_DIR: cacheDir } },
    );
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as CompressionResult;
    assert.deepEqual(report.notes.filter((note) => /device/.test(note)), []);
    assert.equal(report.scorer.device, 'webgpu');
    assert.equal(report.scorer.dtype, 'fp32', 'no fp16 in the fixture: the next of the GPU order');
    assert.match(result.stderr, /onnx scorer \(tiny-qwen2, webgpu, fp32, \d+ threads\)/);
  });
});
