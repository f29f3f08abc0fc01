import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { linuxGpuAdapter, parseVulkaninfoSummary } from '../../../src/core/scoring/onnx/devices/gpuAdapter';

// `vulkaninfo --summary` on a machine whose only Vulkan device is Mesa 25's lavapipe.
const LAVAPIPE_SUMMARY = `==========
VULKANINFO
==========

Vulkan Instance Version: 1.3.239

Devices:
========
GPU0:
	apiVersion         = 1.4.305
	driverVersion      = 0.0.1
	vendorID           = 0x10005
	deviceID           = 0x0000
	deviceType         = PHYSICAL_DEVICE_TYPE_CPU
	deviceName         = llvmpipe (LLVM 15.0.6, 256 bits)
	driverID           = DRIVER_ID_MESA_LLVMPIPE
`;
const TWO_DEVICES = `Devices:
========
GPU0:
	deviceType         = PHYSICAL_DEVICE_TYPE_DISCRETE_GPU
	deviceName         = NVIDIA H100 80GB HBM3
GPU1:
	deviceType         = PHYSICAL_DEVICE_TYPE_CPU
	deviceName         = llvmpipe (LLVM 19.1.7, 256 bits)
`;

const roots: string[] = [];
after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

/** A fake /: render nodes with their kernel drivers, /dev/nvidia0, Vulkan driver manifests. */
function fakeRoot(spec: { render?: Record<string, string>; nvidia?: boolean; icds?: Record<string, string> }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-gpu-'));
  roots.push(root);
  fs.mkdirSync(path.join(root, 'dev/dri'), { recursive: true });
  for (const [node, driver] of Object.entries(spec.render ?? {})) {
    fs.writeFileSync(path.join(root, 'dev/dri', node), '');
    fs.mkdirSync(path.join(root, 'sys/class/drm', node, 'device'), { recursive: true });
    fs.mkdirSync(path.join(root, 'sys/bus/drivers', driver), { recursive: true });
    fs.symlinkSync(path.join(root, 'sys/bus/drivers', driver), path.join(root, 'sys/class/drm', node, 'device/driver'));
  }
  if (spec.nvidia) fs.writeFileSync(path.join(root, 'dev/nvidia0'), '');
  fs.mkdirSync(path.join(root, 'usr/share/vulkan/icd.d'), { recursive: true });
  for (const [file, library] of Object.entries(spec.icds ?? {})) {
    fs.writeFileSync(path.join(root, 'usr/share/vulkan/icd.d', file), JSON.stringify({ ICD: { library_path: library, api_version: '1.4.305' } }));
  }
  return root;
}

const noVulkaninfo = async () => undefined;
const MESA_ICDS = { 'lvp_icd.json': '/usr/lib/x86_64-linux-gnu/libvulkan_lvp.so', 'intel_icd.json': '/usr/lib/x86_64-linux-gnu/libvulkan_intel.so', 'radeon_icd.json': '/usr/lib/x86_64-linux-gnu/libvulkan_radeon.so' };

describe('parseVulkaninfoSummary', () => {
  it('reads each device name and type, whatever the field order', () => {
    assert.deepEqual(parseVulkaninfoSummary(LAVAPIPE_SUMMARY), [{ name: 'llvmpipe (LLVM 15.0.6, 256 bits)', type: 'CPU' }]);
    assert.deepEqual(parseVulkaninfoSummary(TWO_DEVICES), [
      { name: 'NVIDIA H100 80GB HBM3', type: 'DISCRETE_GPU' },
      { name: 'llvmpipe (LLVM 19.1.7, 256 bits)', type: 'CPU' },
    ]);
  });
});

describe('linuxGpuAdapter', () => {
  it('with vulkaninfo: a CPU-type device only is a software adapter; a GPU beside it is hardware', async () => {
    const software = await linuxGpuAdapter({ root: fakeRoot({}), vulkanDevices: async () => parseVulkaninfoSummary(LAVAPIPE_SUMMARY) });
    assert.deepEqual(software, { usable: false, detail: 'only a software adapter: llvmpipe (LLVM 15.0.6, 256 bits), device type CPU' });
    const hardware = await linuxGpuAdapter({ root: fakeRoot({}), vulkanDevices: async () => parseVulkaninfoSummary(TWO_DEVICES) });
    assert.deepEqual(hardware, { usable: true, detail: 'hardware adapter NVIDIA H100 80GB HBM3, device type DISCRETE_GPU' });
  });

  it('without vulkaninfo: lavapipe installed but no GPU device node is not usable (this machine)', async () => {
    const result = await linuxGpuAdapter({ root: fakeRoot({ icds: MESA_ICDS }), vulkanDevices: noVulkaninfo, env: {} });
    assert.equal(result.usable, false);
    assert.match(result.detail, /no GPU device node/);
  });

  it('without vulkaninfo: an Intel render node with Mesa\'s Intel driver is hardware', async () => {
    const result = await linuxGpuAdapter({ root: fakeRoot({ render: { renderD128: 'i915' }, icds: MESA_ICDS }), vulkanDevices: noVulkaninfo, env: {} });
    assert.deepEqual(result, { usable: true, detail: 'hardware adapter (i915, Vulkan driver libvulkan_intel.so)' });
  });

  it('without vulkaninfo: a virtual render node (vgem) is no GPU', async () => {
    const result = await linuxGpuAdapter({ root: fakeRoot({ render: { renderD128: 'vgem' }, icds: MESA_ICDS }), vulkanDevices: noVulkaninfo, env: {} });
    assert.equal(result.usable, false);
  });

  it('without vulkaninfo: an NVIDIA GPU whose Vulkan driver is missing would get lavapipe: not usable', async () => {
    const root = fakeRoot({ nvidia: true, icds: MESA_ICDS });
    const result = await linuxGpuAdapter({ root, vulkanDevices: noVulkaninfo, env: {} });
    assert.equal(result.usable, false);
    assert.match(result.detail, /a GPU \(nvidia\) but no Vulkan driver for it/);
    fs.writeFileSync(path.join(root, 'usr/share/vulkan/icd.d/nvidia_icd.json'), JSON.stringify({ ICD: { library_path: 'libGLX_nvidia.so.0' } }));
    assert.equal((await linuxGpuAdapter({ root, vulkanDevices: noVulkaninfo, env: {} })).usable, true);
  });

  it('without vulkaninfo: VK_ICD_FILENAMES naming lavapipe only wins over the installed drivers', async () => {
    const root = fakeRoot({ render: { renderD128: 'amdgpu' }, icds: MESA_ICDS });
    const lvp = path.join(root, 'usr/share/vulkan/icd.d/lvp_icd.json');
    assert.equal((await linuxGpuAdapter({ root, vulkanDevices: noVulkaninfo, env: { VK_ICD_FILENAMES: lvp } })).usable, false);
    assert.equal((await linuxGpuAdapter({ root, vulkanDevices: noVulkaninfo, env: {} })).usable, true);
  });
});
