import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeviceName } from '../../../src/core/scoring/onnx/devices/deviceName';
import { type DeviceSteps, openOnDevice } from '../../../src/core/scoring/onnx/deviceSession';

interface FakeSession {
  readonly device: DeviceName;
}

function steps(fail: { check?: string; open?: string; firstRun?: string; cpu?: string }, explain?: string) {
  const log: string[] = [];
  const fake: DeviceSteps<FakeSession> = {
    async check(device) {
      log.push(`check ${device}`);
      if (fail.check) throw new Error(fail.check);
    },
    async open(device) {
      log.push(`open ${device}`);
      if (device === 'cpu' && fail.cpu) throw new Error(fail.cpu);
      if (device !== 'cpu' && fail.open) throw new Error(`${fail.open}\n  at native code`);
      return { device };
    },
    async firstRun(session) {
      log.push(`run ${session.device}`);
      if (fail.firstRun) throw new Error(fail.firstRun);
    },
    explain: explain === undefined ? undefined : async () => explain,
    async dispose(session) {
      log.push(`dispose ${session.device}`);
    },
  };
  return { fake, log };
}

describe('openOnDevice: a failing provider falls back to the CPU with one note', () => {
  it('a working device is used, after its check and a first run', async () => {
    const { fake, log } = steps({});
    const opened = await openOnDevice('webgpu', fake);
    assert.deepEqual(opened, { session: { device: 'webgpu' }, device: 'webgpu' });
    assert.deepEqual(log, ['check webgpu', 'open webgpu', 'run webgpu']);
  });

  it('the CPU is opened directly, with no check', async () => {
    const { fake, log } = steps({});
    assert.equal((await openOnDevice('cpu', fake)).device, 'cpu');
    assert.deepEqual(log, ['open cpu']);
  });

  it('a failed check: the model is never loaded on the device', async () => {
    const { fake, log } = steps({ check: 'No supported adapters.' });
    const opened = await openOnDevice('webgpu', fake);
    assert.equal(opened.device, 'cpu');
    assert.equal(opened.note, 'The WebGPU device (webgpu) failed: No supported adapters. The neural scorer runs on the CPU instead.');
    assert.deepEqual(log, ['check webgpu', 'open cpu']);
  });

  it('a session that will not start: the first line of its error, or the better reason found', async () => {
    const plain = await openOnDevice('cuda', steps({ open: 'Failed to load shared library' }).fake);
    assert.equal(plain.note, 'The CUDA device (cuda) failed: Failed to load shared library. The neural scorer runs on the CPU instead.');
    const explained = await openOnDevice('cuda', steps({ open: 'Failed to load shared library' }, 'libcudnn.so.9 not found').fake);
    assert.match(explained.note!, /failed: libcudnn\.so\.9 not found\./);
  });

  it('ONNX Runtime\'s source location and assertion are left out of the note', async () => {
    const adapter =
      '/onnxruntime_src/onnxruntime/core/providers/webgpu/webgpu_context.cc:136 onnxruntime::webgpu::WebGpuContext::Initialize(const onnxruntime::webgpu::WebGpuContextConfig&)::<lambda()> adapter_result.status == wgpu::RequestAdapterStatus::Success was false. Failed to get a WebGPU adapter: No supported adapters.';
    const opened = await openOnDevice('webgpu', steps({ check: adapter }).fake);
    assert.equal(opened.note, 'The WebGPU device (webgpu) failed: Failed to get a WebGPU adapter: No supported adapters. The neural scorer runs on the CPU instead.');
  });

  it('a first run that fails: the device session is released before the CPU one opens', async () => {
    const { fake, log } = steps({ firstRun: 'shader compilation failed' });
    const opened = await openOnDevice('dml', fake);
    assert.equal(opened.device, 'cpu');
    assert.match(opened.note!, /^The DirectML device \(dml\) failed: shader compilation failed\./);
    assert.deepEqual(log, ['check dml', 'open dml', 'run dml', 'dispose dml', 'open cpu']);
  });

  it('a failure on the CPU too is the model\'s own error, thrown as it is', async () => {
    await assert.rejects(openOnDevice('webgpu', steps({ open: 'bad', cpu: 'Model file onnx/model.onnx is truncated' }).fake), /^Error: Model file onnx\/model\.onnx is truncated$/);
  });
});
