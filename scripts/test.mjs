// The one way to run the tests: type-check, build them with esbuild exactly as the product is built,
// then run them with Node's test runner, one file at a time (the real-host tests start a VS Code each).
//   node scripts/test.mjs          unit tests, real-code corpus tests, WebGPU tests, packaging tests, real-host tests
//   node scripts/test.mjs --unit   unit tests only: no corpora, no packaging, no VS Code
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const unitOnly = process.argv.includes('--unit');
const run = (script, args = []) => execFileSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });

run('node_modules/typescript/bin/tsc', ['--noEmit', '-p', '.']);
if (!unitOnly) {
  run('scripts/package.mjs');
  // Installs chromium, Node 24 and code-server, and fetches the real-code corpora, once; cached afterwards.
  execFileSync('bash', [join(root, 'scripts/setup-e2e.sh')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('bash', [join(root, 'scripts/setup-corpora.sh')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  // Mesa 25's lavapipe from bookworm-backports, once: the WebGPU tests (test/gpu) run on it.
  execFileSync('bash', [join(root, 'scripts/setup-webgpu.sh')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
run('esbuild.js', ['--tests']);

const suites = unitOnly ? ['out/test/unit'] : ['out/test/unit', 'out/test/corpus', 'out/test/gpu', 'out/test/package', 'out/test/e2e'];
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...suites], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
