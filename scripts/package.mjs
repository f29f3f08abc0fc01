// Builds for production and makes one VSIX per platform, each with only its own onnxruntime binaries.
//   node scripts/package.mjs                      all targets
//   node scripts/package.mjs --target linux-x64   one target (repeatable)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

// The onnxruntime files each target needs, under node_modules/onnxruntime-node/bin/napi-v6/.
// onnxruntime-node 1.30 ships none for darwin-x64. On macOS the binding links @rpath/libonnxruntime.1.dylib;
// the package's second, identical libonnxruntime.1.30.0.dylib (a symlink target in their build) is left out.
const TARGETS = {
  'linux-x64': ['linux/x64/onnxruntime_binding.node', 'linux/x64/libonnxruntime.so.1'],
  'linux-arm64': ['linux/arm64/onnxruntime_binding.node', 'linux/arm64/libonnxruntime.so.1'],
  // DirectML and the DirectX shader compiler serve the dml and webgpu providers.
  'win32-x64': ['win32/x64/*'],
  'darwin-arm64': ['darwin/arm64/onnxruntime_binding.node', 'darwin/arm64/libonnxruntime.1.dylib'],
};

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { target: { type: 'string', multiple: true } } });
const targets = values.target ?? Object.keys(TARGETS);
for (const target of targets) {
  if (!TARGETS[target]) {
    console.error(`package: unknown target '${target}' (known: ${Object.keys(TARGETS).join(', ')})`);
    process.exit(2);
  }
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const baseIgnore = readFileSync(join(root, '.vscodeignore'), 'utf8');
const vsce = join(require.resolve('@vscode/vsce/package.json'), '..', 'vsce');
const outDir = join(root, 'vsix');
const scratch = mkdtempSync(join(tmpdir(), 'longcodezip-package-'));
mkdirSync(outDir, { recursive: true });

execFileSync(process.execPath, [join(root, 'esbuild.js'), '--production'], { cwd: root, stdio: 'inherit' });
try {
  for (const target of targets) {
    const ignoreFile = join(scratch, `${target}.vscodeignore`);
    const letBack = TARGETS[target].map((file) => `!node_modules/onnxruntime-node/bin/napi-v6/${file}`);
    writeFileSync(ignoreFile, `${baseIgnore}\n${letBack.join('\n')}\n`);
    const out = join(outDir, `longcodezip-${target}-${version}.vsix`);
    execFileSync(process.execPath, [vsce, 'package', '--target', target, '--ignoreFile', ignoreFile, '--out', out], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    console.log(`${target}: ${out} (${(statSync(out).size / 1024 / 1024).toFixed(1)} MB)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
