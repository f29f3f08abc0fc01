import { chooseDevice } from '../../core/scoring/onnx/devices/chooseDevice';
import { defaultDtype } from '../../core/scoring/onnx/devices/defaultDtype';
import { type DeviceChoice, DeviceError, type DeviceName, isDeviceChoice } from '../../core/scoring/onnx/devices/deviceName';
import type { DeviceProbes } from '../../core/scoring/onnx/devices/deviceProbes';
import { systemDeviceProbes } from '../../core/scoring/onnx/devices/systemDeviceProbes';
import { hasWeights, type ModelDtype } from '../../core/scoring/onnx/modelFolder';
import { UsageError } from '../usageError';

/** The --device flag: auto (default) or a device name. */
export function parseDeviceFlag(value: string | undefined): DeviceChoice {
  const device = value ?? 'auto';
  if (!isDeviceChoice(device)) throw new UsageError(`--device must be auto, cpu, cuda, webgpu, dml or coreml, not '${device}'`);
  return device;
}

/**
 * The device the neural scorer is opened on, and its weights: --dtype when given, else the device's
 * default among those the model folder holds (defaultDtype.ts). A device this platform cannot have is
 * a usage error; one that is present but fails falls back to the CPU later, with a note.
 */
export async function resolveDevice<Flags extends { folder: string; device: DeviceChoice; dtype?: ModelDtype }>(
  flags: Flags,
  probes: DeviceProbes = systemDeviceProbes(),
): Promise<Flags & { device: DeviceName; dtype: ModelDtype }> {
  let device: DeviceName;
  try {
    device = (await chooseDevice(flags.device, probes)).device;
  } catch (error) {
    if (error instanceof DeviceError) throw new UsageError(`--device ${flags.device}: ${error.message}`);
    throw error;
  }
  const dtype = flags.dtype ?? defaultDtype(device, (d) => hasWeights(flags.folder, d));
  return { ...flags, device, dtype };
}
