import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProbeResult } from './deviceProbes';

/**
 * The CUDA provider libraries onnxruntime-node 1.30 does not ship in its npm package; its install script
 * (script/install-metadata.js) fetches them from the NuGet package Microsoft.ML.OnnxRuntime.Gpu.Linux
 * into its own bin folder, where ONNX Runtime loads them from.
 */
export const CUDA_PROVIDER_FILES = ['libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_shared.so'] as const;

/** onnxruntime-node's folder of native libraries for this platform: where the provider libraries go. */
export function onnxRuntimeBinFolder(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  return path.join(onnxRuntimeFolder(), 'bin', 'napi-v6', platform, arch);
}

export function onnxRuntimeFolder(): string {
  return path.dirname(require.resolve('onnxruntime-node/package.json'));
}

export interface CudaCheckOptions {
  /** Where the provider libraries are looked for (default: onnxRuntimeBinFolder()). */
  readonly binFolder?: string;
  /** Where the NVIDIA driver shows itself (default /proc/driver/nvidia/version). */
  readonly driverFile?: string;
  /** Lists the shared libraries `file` needs that the loader cannot find; undefined when it cannot tell. */
  readonly missingLibraries?: (file: string) => Promise<string[] | undefined>;
}

/**
 * Whether the CUDA provider can load, found without loading it: its libraries are in onnxruntime-node's
 * folder, the CUDA 12 / cuDNN 9 libraries they link to are found by the loader (`ldd`), and an NVIDIA
 * driver is running.
 */
export async function checkCudaLibraries(options: CudaCheckOptions = {}): Promise<ProbeResult> {
  let binFolder: string;
  try {
    binFolder = options.binFolder ?? onnxRuntimeBinFolder();
  } catch {
    return { usable: false, detail: 'onnxruntime-node is not installed' };
  }
  const absent = CUDA_PROVIDER_FILES.filter((file) => !fs.existsSync(path.join(binFolder, file)));
  if (absent.length > 0) return { usable: false, detail: `CUDA provider libraries not installed (${absent.join(', ')} missing in ${binFolder})` };
  const driverFile = options.driverFile ?? '/proc/driver/nvidia/version';
  if (!fs.existsSync(driverFile)) return { usable: false, detail: `CUDA provider libraries installed, but no NVIDIA driver is running (no ${driverFile})` };
  const missing = await (options.missingLibraries ?? lddMissing)(path.join(binFolder, CUDA_PROVIDER_FILES[0]));
  if (missing && missing.length > 0) {
    return { usable: false, detail: `the CUDA provider needs libraries the loader cannot find: ${missing.join(', ')} (install CUDA 12 and cuDNN 9, or add their folder to LD_LIBRARY_PATH)` };
  }
  return { usable: true, detail: `CUDA provider libraries in ${binFolder}, NVIDIA driver running` };
}

/** The "not found" lines of `ldd FILE`; undefined when ldd is missing or fails. */
export function lddMissing(file: string): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    execFile('ldd', [file], { timeout: 10_000 }, (error, stdout) => {
      if (error && !stdout) return resolve(undefined);
      resolve(parseLddMissing(stdout));
    });
  });
}

export function parseLddMissing(lddOutput: string): string[] {
  return lddOutput
    .split('\n')
    .map((line) => /^\s*(\S+)\s+=>\s+not found/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}
