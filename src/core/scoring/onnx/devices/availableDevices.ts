import { DEVICE_NAMES, type DeviceName } from './deviceName';
import type { DeviceProbes } from './deviceProbes';
import { providerMissing } from './providerSupport';
import { systemDeviceProbes } from './systemDeviceProbes';

export type { DeviceName } from './deviceName';

/** Whether one device can run the scorer on this machine, and why (a few words). */
export interface DeviceReport {
  readonly device: DeviceName;
  readonly usable: boolean;
  readonly detail: string;
}

/**
 * Every device and whether it works here, as far as can be told without loading a model: what
 * `longcodezip models list` / `longcodezip devices` print. `auto` picks the first usable of cuda,
 * webgpu, cpu (chooseDevice.ts); dml and coreml are only ever used when chosen.
 */
export async function availableDevices(probes: DeviceProbes = systemDeviceProbes()): Promise<DeviceReport[]> {
  return Promise.all(
    DEVICE_NAMES.map(async (device): Promise<DeviceReport> => {
      const missing = providerMissing(device, probes.platform, probes.arch);
      if (missing !== undefined) return { device, usable: false, detail: missing };
      switch (device) {
        case 'cpu':
          return { device, usable: true, detail: 'always available' };
        case 'cuda':
          return { device, ...(await probes.cuda()) };
        case 'webgpu':
          return { device, ...(await probes.webgpuAdapter()) };
        default:
          return { device, usable: true, detail: 'provider built in (not checked further)' };
      }
    }),
  );
}
