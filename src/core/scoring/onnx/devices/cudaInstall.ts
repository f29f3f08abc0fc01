import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { CUDA_PROVIDER_FILES, onnxRuntimeFolder } from './cudaLibraries';

/** What fetching the CUDA provider libraries does, told to the user before it starts. */
export interface CudaInstallPlan {
  /** onnxruntime-node's own install script, which does the fetching. */
  readonly script: string;
  /** The NuGet package and version it fetches, and from where (its install-metadata.js). */
  readonly source: string;
  /** Where the libraries go: onnxruntime-node's native folder, where ONNX Runtime loads providers from. */
  readonly binFolder: string;
  readonly files: readonly string[];
}

/** Why the libraries cannot be fetched here (one line), or the plan. */
export function cudaInstallPlan(ortFolder: string = onnxRuntimeFolder()): CudaInstallPlan | string {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `ONNX Runtime's CUDA provider is built for Linux x64 only (this is ${process.platform} ${process.arch})`;
  const script = path.join(ortFolder, 'script', 'install.js');
  const metadataFile = path.join(ortFolder, 'script', 'install-metadata.js');
  if (!fs.existsSync(script) || !fs.existsSync(metadataFile)) {
    return `onnxruntime-node's install script is not in ${path.join(ortFolder, 'script')} (a packaged extension leaves it out): install the CLI from npm and run this command there`;
  }
  let source = 'the NuGet package Microsoft.ML.OnnxRuntime.Gpu.Linux';
  try {
    const metadata = createRequire(metadataFile)(metadataFile) as {
      packages: Record<string, { name: string; versions: { feed: string; version: string }[] }>;
      feeds: Record<string, { index: string }>;
    };
    const pkg = metadata.packages['nuget:linux/x64:cuda12'];
    const first = pkg?.versions[0];
    if (pkg && first) source = `the NuGet package ${pkg.name} ${first.version} from ${new URL(metadata.feeds[first.feed]?.index ?? 'https://api.nuget.org').host}`;
  } catch {
    // The plan still says what and where; the script itself knows the version.
  }
  return { script, source, binFolder: path.join(ortFolder, 'bin', 'napi-v6', 'linux', 'x64'), files: [...CUDA_PROVIDER_FILES, 'libonnxruntime_providers_tensorrt.so'] };
}

/**
 * Runs onnxruntime-node's install script for its `cuda12` manifest, as `npm install` would without
 * ONNXRUNTIME_NODE_INSTALL=skip: it resolves the NuGet package, downloads it and copies the provider
 * libraries into onnxruntime-node's native folder. Its output goes to `onOutput`.
 */
export function runCudaInstall(plan: CudaInstallPlan, onOutput: (text: string) => void): Promise<void> {
  try {
    fs.accessSync(plan.binFolder, fs.constants.W_OK);
  } catch {
    return Promise.reject(new Error(`cannot write to ${plan.binFolder}: run this as a user who owns it (the libraries go next to ONNX Runtime's own)`));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [plan.script], {
      cwd: path.dirname(path.dirname(plan.script)),
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ONNXRUNTIME_NODE_INSTALL: 'cuda12' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (data: Buffer) => onOutput(data.toString()));
    child.stderr.on('data', (data: Buffer) => onOutput(data.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`onnxruntime-node's install script failed (exit ${code}); its output is above`))));
  });
}
