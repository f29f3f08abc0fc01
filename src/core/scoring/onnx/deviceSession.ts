import { DEVICE_TITLES, type DeviceName } from './devices/deviceName';

/** The steps of opening a model on a device, apart so that the fallback can be tested without a GPU. */
export interface DeviceSteps<Session> {
  /** The device's short check (deviceCheck.ts): throws when it cannot compute. */
  check(device: DeviceName): Promise<void>;
  /** Creates the model's session on the device. */
  open(device: DeviceName): Promise<Session>;
  /** One small pass on a new session: some providers fail only when they first run. */
  firstRun(session: Session): Promise<void>;
  /** A better reason than the provider's own error, where one can be found (CUDA: which library is missing). */
  explain?(device: DeviceName, error: unknown): Promise<string | undefined>;
  dispose(session: Session): Promise<void>;
}

export interface DeviceSession<Session> {
  readonly session: Session;
  /** Where it runs: the device asked for, or the CPU after a failure. */
  readonly device: DeviceName;
  /** Said to the user with every result when the device failed and the CPU took over. */
  readonly note?: string;
}

/**
 * Opens the model on `device`; when the device's check, the session or its first pass fails, opens it
 * on the CPU instead, with one note that says which device failed and why. A failure on the CPU is the
 * model's own problem and is thrown as it is.
 */
export async function openOnDevice<Session>(device: DeviceName, steps: DeviceSteps<Session>): Promise<DeviceSession<Session>> {
  if (device === 'cpu') return { session: await steps.open('cpu'), device };
  let session: Session | undefined;
  try {
    await steps.check(device);
    session = await steps.open(device);
    await steps.firstRun(session);
    return { session, device };
  } catch (error) {
    if (session !== undefined) await steps.dispose(session).catch(() => undefined);
    const reason = (await steps.explain?.(device, error).catch(() => undefined)) ?? firstLine(error);
    const note = `The ${DEVICE_TITLES[device]} device (${device}) failed: ${reason}. The neural scorer runs on the CPU instead.`;
    return { session: await steps.open('cpu'), device: 'cpu', note };
  }
}

/** The first line of a provider's error, without ONNX Runtime's source location and assertion text. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split('\n')[0]!
    .trim()
    .replace(/^\/onnxruntime_src\/\S+:\d+ .*? was false\.\s*/, '')
    .replace(/^\[ONNXRuntimeError\] : \d+ : \w+ : /, '')
    .replace(/\.$/, '');
}
