import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkCudaLibraries, parseLddMissing } from '../../../src/core/scoring/onnx/devices/cudaLibraries';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-cuda-'));
  dirs.push(dir);
  return dir;
}

// `ldd libonnxruntime_providers_cuda.so` on a machine without cuDNN.
const LDD_OUTPUT = `	linux-vdso.so.1 (0x00007ffd6a5f2000)
	libcublasLt.so.12 => /usr/local/cuda/lib64/libcublasLt.so.12 (0x00007f0a00000000)
	libcublas.so.12 => /usr/local/cuda/lib64/libcublas.so.12 (0x00007f09f9800000)
	libcudnn.so.9 => not found
	libcurand.so.10 => /usr/local/cuda/lib64/libcurand.so.10 (0x00007f09f3200000)
	libcufft.so.11 => not found
	libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f09f3000000)
`;

describe('checkCudaLibraries (no library is loaded)', () => {
  it('names the provider files that are missing, and the folder they belong in', async () => {
    const bin = tempDir();
    const result = await checkCudaLibraries({ binFolder: bin, driverFile: path.join(bin, 'none'), missingLibraries: async () => [] });
    assert.equal(result.usable, false);
    assert.equal(result.detail, `CUDA provider libraries not installed (libonnxruntime_providers_cuda.so, libonnxruntime_providers_shared.so missing in ${bin})`);
  });

  it('libraries present but no NVIDIA driver running', async () => {
    const bin = tempDir();
    for (const file of ['libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_shared.so']) fs.writeFileSync(path.join(bin, file), '');
    const result = await checkCudaLibraries({ binFolder: bin, driverFile: path.join(bin, 'no-driver'), missingLibraries: async () => [] });
    assert.equal(result.usable, false);
    assert.match(result.detail, /no NVIDIA driver is running/);
  });

  it('CUDA runtime libraries the loader cannot find are named; all found is usable', async () => {
    const bin = tempDir();
    for (const file of ['libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_shared.so', 'driver']) fs.writeFileSync(path.join(bin, file), '');
    const driverFile = path.join(bin, 'driver');
    const missing = await checkCudaLibraries({ binFolder: bin, driverFile, missingLibraries: async () => parseLddMissing(LDD_OUTPUT) });
    assert.equal(missing.usable, false);
    assert.match(missing.detail, /cannot find: libcudnn\.so\.9, libcufft\.so\.11 \(install CUDA 12 and cuDNN 9/);
    const ready = await checkCudaLibraries({ binFolder: bin, driverFile, missingLibraries: async () => [] });
    assert.equal(ready.usable, true);
    const unknown = await checkCudaLibraries({ binFolder: bin, driverFile, missingLibraries: async () => undefined });
    assert.equal(unknown.usable, true, 'without ldd the session check decides');
  });

  it('on this machine: onnxruntime-node is found and the answer is one line', async () => {
    const result = await checkCudaLibraries();
    assert.doesNotMatch(result.detail, /not installed$|\n/);
  });
});
