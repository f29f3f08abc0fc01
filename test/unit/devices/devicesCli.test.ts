import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { CompressionResult } from '../../../src/core/compress/compressionResult';
import { chooseDevice } from '../../../src/core/scoring/onnx/devices/chooseDevice';
import { checkCudaLibraries } from '../../../src/core/scoring/onnx/devices/cudaLibraries';
import { systemDeviceProbes } from '../../../src/core/scoring/onnx/devices/systemDeviceProbes';
import { repoRoot } from '../../helpers/repoPaths';
import { runCliProcess } from '../../helpers/runCliProcess';
import { tinyModelDir } from '../scoring/onnx/tinyModel';

const sample = path.join(repoRoot, 'examples', 'sample-project');
const question = 'How is the late-return fee calculated when a member returns a book after the due date?';
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-cli-devices-'));
const env = { ...process.env, LONGCODEZIP_CACHE_DIR: cacheDir };
after(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

describe('longcodezip devices', () => {
  it('lists the five devices and what auto picks here', async () => {
    const result = runCliProcess(['devices'], { env });
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.deepEqual(lines.slice(0, 5).map((line) => line.split(/\s+/)[0]), ['cpu', 'cuda', 'webgpu', 'dml', 'coreml']);
    assert.match(lines[0]!, /^cpu\s+yes\s+always available$/);
    assert.match(lines[3]!, /^dml\s+no\s+DirectML runs on Windows only/);
    assert.equal(lines[5], `auto -> ${(await chooseDevice('auto', systemDeviceProbes())).device}`);
    const json = JSON.parse(runCliProcess(['devices', 'list', '--json'], { env }).stdout) as { devices: { device: string }[]; auto: { reason: string } };
    assert.equal(json.devices.length, 5);
    assert.match(json.auto.reason, /^auto: /);
  });

  it('install-cuda says what it would download and where, and fetches nothing without consent', () => {
    const result = runCliProcess(['devices', 'install-cuda'], { env });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stdout, /^This downloads the NuGet package Microsoft\.ML\.OnnxRuntime\.Gpu\.Linux 1\.30\.0 from api\.nuget\.org and copies libonnxruntime_providers_cuda\.so, .* into \S+onnxruntime-node\/bin\/napi-v6\/linux\/x64\.$/m);
    assert.match(result.stderr, /run it with --yes to agree/);
    assert.equal(runCliProcess(['devices', 'fetch'], { env }).status, 2);
  });
});

describe('longcodezip compress --device', () => {
  const run = (args: string[]) => runCliProcess(['compress', '--query', question, '--budget', '800', ...args], { cwd: sample, env });

  it('refuses a device this platform cannot have, and unknown names, as usage errors', () => {
    const dml = run(['--scorer', 'onnx', '--model', tinyModelDir, '--device', 'dml']);
    assert.equal(dml.status, 2);
    assert.match(dml.stderr, /^longcodezip: --device dml: device "dml" cannot be used: DirectML runs on Windows only \(this is Linux x64\)\. Choose one of auto, cpu, cuda, webgpu\.\n/);
    const bogus = run(['--scorer', 'onnx', '--model', tinyModelDir, '--device', 'gpu']);
    assert.equal(bogus.status, 2);
    assert.match(bogus.stderr, /--device must be auto, cpu, cuda, webgpu, dml or coreml, not 'gpu'/);
  });

  it('auto: the device, dtype and threads in use are in the result and the summary line', async () => {
    const result = run(['--scorer', 'onnx', '--model', tinyModelDir, '--json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as CompressionResult;
    const auto = (await chooseDevice('auto', systemDeviceProbes())).device;
    assert.equal(report.scorer.device, auto);
    assert.equal(report.scorer.dtype, auto === 'cpu' ? 'q8' : 'fp32', 'the fixture has q8 and fp32, no fp16');
    assert.equal(report.scorer.threads, os.availableParallelism());
    assert.match(result.stderr, new RegExp(`onnx scorer \\(tiny-qwen2, ${auto}, ${report.scorer.dtype}, ${report.scorer.threads} threads\\)`));
  });

  it('a failing device falls back to the CPU in the scorer process, with one note', async () => {
    const cuda = await checkCudaLibraries();
    const result = run(['--scorer', 'onnx', '--model', tinyModelDir, '--device', 'cuda', '--dtype', 'fp32', '--json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as CompressionResult;
    if (cuda.usable) {
      assert.equal(report.scorer.device, 'cuda');
      return;
    }
    assert.equal(report.scorer.device, 'cpu');
    assert.deepEqual(report.notes.filter((note) => /device/.test(note)), [`The CUDA device (cuda) failed: ${cuda.detail}. The neural scorer runs on the CPU instead.`]);
    assert.match(result.stderr, /onnx scorer \(tiny-qwen2, cpu, fp32, \d+ threads\)\; .*\nnote: The CUDA device \(cuda\) failed/s);
  });
});
