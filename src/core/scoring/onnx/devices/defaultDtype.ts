import type { ModelDtype } from '../modelFolder';
import type { DeviceName } from './deviceName';

const CPU_ORDER: readonly ModelDtype[] = ['q8', 'fp32', 'fp16'];
const GPU_ORDER: readonly ModelDtype[] = ['fp16', 'fp32', 'q8'];

/**
 * The weights to load when the user chose none: 8-bit quantized on the CPU (smaller and faster there),
 * fp16 on a GPU (GPU providers run quantized MatMuls slowly, if at all). With `isPresent`, the first of
 * the device's order that the model folder holds (a folder with q8 only still runs on a GPU); when it
 * holds none, the device's first choice, so that the missing-file message names it.
 */
export function defaultDtype(device: DeviceName, isPresent?: (dtype: ModelDtype) => boolean): ModelDtype {
  const order = device === 'cpu' ? CPU_ORDER : GPU_ORDER;
  return (isPresent && order.find(isPresent)) || order[0]!;
}
