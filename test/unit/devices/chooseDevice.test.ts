import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availableDevices } from '../../../src/core/scoring/onnx/devices/availableDevices';
import { chooseDevice } from '../../../src/core/scoring/onnx/devices/chooseDevice';
import { defaultDtype } from '../../../src/core/scoring/onnx/devices/defaultDtype';
import { DeviceError } from '../../../src/core/scoring/onnx/devices/deviceName';
import type { DeviceProbes, ProbeResult } from '../../../src/core/scoring/onnx/devices/deviceProbes';

function probes(options: { platform?: NodeJS.Platform; arch?: string; cuda?: ProbeResult; webgpu?: ProbeResult }): DeviceProbes & { asked: string[] } {
  const asked: string[] = [];
  return {
    platform: options.platform ?? 'linux',
    arch: options.arch ?? 'x64',
    asked,
    async cuda() {
      asked.push('cuda');
      return options.cuda ?? { usable: false, detail: 'CUDA provider libraries not installed' };
    },
    async webgpuAdapter() {
      asked.push('webgpu');
      return options.webgpu ?? { usable: false, detail: 'only a software adapter: llvmpipe (cpu)' };
    },
  };
}

const yes = (detail: string): ProbeResult => ({ usable: true, detail });

describe('chooseDevice: auto', () => {
  it('picks CUDA when its libraries are present, without looking at WebGPU', async () => {
    const fake = probes({ cuda: yes('CUDA provider libraries present'), webgpu: yes('hardware adapter') });
    assert.deepEqual(await chooseDevice('auto', fake), { device: 'cuda', reason: 'auto: CUDA provider libraries present' });
    assert.deepEqual(fake.asked, ['cuda']);
  });

  it('picks WebGPU on a hardware adapter when CUDA is missing', async () => {
    const chosen = await chooseDevice('auto', probes({ webgpu: yes('hardware adapter NVIDIA H100 (discrete gpu)') }));
    assert.equal(chosen.device, 'webgpu');
  });

  it('never picks a software adapter: the CPU, saying why each GPU was passed over', async () => {
    const chosen = await chooseDevice('auto', probes({}));
    assert.equal(chosen.device, 'cpu');
    assert.match(chosen.reason, /no CUDA \(CUDA provider libraries not installed\); no WebGPU \(only a software adapter: llvmpipe/);
  });

  it('does not probe a provider the platform has no build of', async () => {
    const mac = probes({ platform: 'darwin', arch: 'arm64', cuda: yes('would be wrong'), webgpu: yes('Metal adapter') });
    assert.equal((await chooseDevice('auto', mac)).device, 'webgpu');
    assert.deepEqual(mac.asked, ['webgpu']);
    const arm = probes({ arch: 'arm64', cuda: yes('would be wrong'), webgpu: yes('would be wrong') });
    assert.equal((await chooseDevice('auto', arm)).device, 'cpu');
    assert.deepEqual(arm.asked, []);
  });
});

describe('chooseDevice: forced', () => {
  it('takes a device built for the platform as asked, even when its probe fails (the scorer then falls back)', async () => {
    const fake = probes({});
    assert.equal((await chooseDevice('webgpu', fake)).device, 'webgpu');
    assert.equal((await chooseDevice('cuda', fake)).device, 'cuda');
    assert.equal((await chooseDevice('cpu', fake)).device, 'cpu');
    assert.deepEqual(fake.asked, []);
  });

  it('refuses dml off Windows, coreml off macOS and cuda off Linux x64 with one line naming the choices', async () => {
    await assert.rejects(chooseDevice('dml', probes({})), (error: Error) => {
      assert.ok(error instanceof DeviceError);
      assert.equal(error.message, 'device "dml" cannot be used: DirectML runs on Windows only (this is Linux x64). Choose one of auto, cpu, cuda, webgpu.');
      return true;
    });
    await assert.rejects(chooseDevice('coreml', probes({ platform: 'win32' })), /Core ML runs on macOS only \(this is Windows x64\)\. Choose one of auto, cpu, webgpu, dml\./);
    await assert.rejects(chooseDevice('cuda', probes({ platform: 'darwin', arch: 'arm64' })), /built for Linux x64 only .*Choose one of auto, cpu, webgpu, coreml\./);
    assert.equal((await chooseDevice('dml', probes({ platform: 'win32' }))).device, 'dml');
  });
});

describe('availableDevices', () => {
  it('lists all five with what the probes found', async () => {
    const reports = await availableDevices(probes({ webgpu: yes('hardware adapter (i915, Vulkan driver libvulkan_intel.so)') }));
    assert.deepEqual(
      reports.map((r) => [r.device, r.usable]),
      [['cpu', true], ['cuda', false], ['webgpu', true], ['dml', false], ['coreml', false]],
    );
    assert.match(reports[1]!.detail, /not installed/);
    assert.match(reports[3]!.detail, /Windows only/);
  });
});

describe('defaultDtype', () => {
  it('q8 on the CPU, fp16 on a GPU, else the first the folder holds', () => {
    assert.equal(defaultDtype('cpu'), 'q8');
    assert.equal(defaultDtype('webgpu'), 'fp16');
    assert.equal(defaultDtype('cuda', (d) => d === 'q8'), 'q8');
    assert.equal(defaultDtype('cuda', (d) => d === 'fp32' || d === 'q8'), 'fp32');
    assert.equal(defaultDtype('cpu', (d) => d === 'fp16'), 'fp16');
    assert.equal(defaultDtype('cpu', () => false), 'q8', 'none present: the first choice, for the missing-file message');
  });
});
