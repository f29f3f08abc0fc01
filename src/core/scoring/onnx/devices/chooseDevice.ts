import { type DeviceChoice, DeviceError, type DeviceName, DEVICE_TITLES } from './deviceName';
import type { DeviceProbes } from './deviceProbes';
import { devicesBuiltFor, providerMissing } from './providerSupport';

/** The device a scorer is opened on, and why that one (shown to the user with `auto`). */
export interface ChosenDevice {
  readonly device: DeviceName;
  readonly reason: string;
}

/**
 * `auto`: CUDA when its provider libraries, runtime and driver are present; else WebGPU when the
 * adapter is hardware (a software one such as lavapipe is slower than the CPU); else the CPU. The
 * scorer then runs a short check on the device and falls back to the CPU if it fails (deviceSession.ts).
 * A forced device is taken as asked when its provider is built for this platform (a failing one falls
 * back the same way); otherwise DeviceError names what can be chosen instead.
 */
export async function chooseDevice(choice: DeviceChoice, probes: DeviceProbes): Promise<ChosenDevice> {
  if (choice !== 'auto') {
    const missing = providerMissing(choice, probes.platform, probes.arch);
    if (missing !== undefined) {
      const choices = ['auto', ...devicesBuiltFor(probes.platform, probes.arch)].join(', ');
      throw new DeviceError(`device "${choice}" cannot be used: ${missing}. Choose one of ${choices}.`);
    }
    return { device: choice, reason: 'chosen' };
  }
  const passed: string[] = [];
  for (const device of ['cuda', 'webgpu'] as const) {
    if (providerMissing(device, probes.platform, probes.arch) !== undefined) continue;
    const probe = device === 'cuda' ? await probes.cuda() : await probes.webgpuAdapter();
    if (probe.usable) return { device, reason: `auto: ${probe.detail}` };
    passed.push(`no ${DEVICE_TITLES[device]} (${probe.detail})`);
  }
  return { device: 'cpu', reason: `auto: ${passed.length > 0 ? passed.join('; ') : 'no GPU provider on this platform'}` };
}
