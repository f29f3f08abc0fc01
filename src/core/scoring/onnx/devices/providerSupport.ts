import { DEVICE_NAMES, type DeviceName } from './deviceName';

/**
 * Why onnxruntime-node's prebuilt binaries for this platform have no such provider (its README's table),
 * or undefined when they have it. Whether the machine can run it is the probes' question.
 */
export function providerMissing(device: DeviceName, platform: NodeJS.Platform, arch: string): string | undefined {
  const here = `this is ${platformTitle(platform)} ${arch}`;
  switch (device) {
    case 'cpu':
      return undefined;
    case 'cuda':
      return platform === 'linux' && arch === 'x64' ? undefined : `ONNX Runtime's CUDA provider is built for Linux x64 only (${here})`;
    case 'webgpu':
      return platform === 'linux' && arch !== 'x64' ? `ONNX Runtime's WebGPU provider is not built for Linux ${arch}` : undefined;
    case 'dml':
      return platform === 'win32' ? undefined : `DirectML runs on Windows only (${here})`;
    case 'coreml':
      return platform === 'darwin' ? undefined : `Core ML runs on macOS only (${here})`;
  }
}

/** The devices whose provider is built for this platform. */
export function devicesBuiltFor(platform: NodeJS.Platform, arch: string): DeviceName[] {
  return DEVICE_NAMES.filter((device) => providerMissing(device, platform, arch) === undefined);
}

function platformTitle(platform: NodeJS.Platform): string {
  return platform === 'linux' ? 'Linux' : platform === 'win32' ? 'Windows' : platform === 'darwin' ? 'macOS' : platform;
}
