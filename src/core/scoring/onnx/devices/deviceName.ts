/** The execution providers a user can ask for, as ONNX Runtime names them. */
export const DEVICE_NAMES = ['cpu', 'cuda', 'webgpu', 'dml', 'coreml'] as const;

export type DeviceName = (typeof DEVICE_NAMES)[number];

/** What the user chose: a device, or `auto` (docs/devices.md says how it decides). */
export type DeviceChoice = 'auto' | DeviceName;

export function isDeviceChoice(value: string): value is DeviceChoice {
  return value === 'auto' || (DEVICE_NAMES as readonly string[]).includes(value);
}

/** The user asked for a device this machine cannot have: one line naming what to choose instead. */
export class DeviceError extends Error {
  override readonly name = 'DeviceError';
}

/** How the device reads in messages. */
export const DEVICE_TITLES: Readonly<Record<DeviceName, string>> = {
  cpu: 'CPU',
  cuda: 'CUDA',
  webgpu: 'WebGPU',
  dml: 'DirectML',
  coreml: 'Core ML',
};
