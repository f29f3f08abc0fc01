import { checkCudaLibraries } from './cudaLibraries';
import type { DeviceProbes } from './deviceProbes';
import { linuxGpuAdapter } from './gpuAdapter';

/** The probes of this machine (deviceProbes.ts): files, device nodes, `ldd` and `vulkaninfo`; no ONNX Runtime. */
export function systemDeviceProbes(): DeviceProbes {
  const platform = process.platform;
  return {
    platform,
    arch: process.arch,
    cuda: () => checkCudaLibraries(),
    async webgpuAdapter() {
      if (platform === 'linux') return linuxGpuAdapter();
      // Dawn runs on Metal on macOS (always a hardware GPU) and on Direct3D 12 on Windows.
      if (platform === 'darwin') return { usable: true, detail: 'Metal adapter' };
      if (platform === 'win32') return { usable: true, detail: 'Direct3D 12 adapter (its kind is not checked on Windows)' };
      return { usable: false, detail: `no WebGPU on ${platform}` };
    },
  };
}
