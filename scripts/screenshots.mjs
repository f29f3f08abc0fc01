// Makes the pictures the README shows (docs/panel.png, docs/preview.png), by running the real-host panel test with a
// flag that also saves them. Not part of CI: run it by hand when the panel's look changes, and look at
// the pictures before committing them.
//   node scripts/screenshots.mjs
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const node = (script, args = [], env = {}) =>
  execFileSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

node(join(root, 'scripts/package.mjs'), ['--target', 'linux-x64']);
execFileSync('bash', [join(root, 'scripts/setup-e2e.sh')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
node(join(root, 'esbuild.js'), ['--tests-in', 'e2e']);
node('--test', ['--test-concurrency=1', '--test-name-pattern', 'the sidebar panel', 'out/test/e2e/panel.test.js'], { LONGCODEZIP_DOCS_SCREENSHOTS: join(root, 'docs') });
console.log('Wrote docs/panel.png');
// The preview beside a source editor with the decorations and CodeLens (the first describe only: its tests build on each other).
node('--test', ['--test-concurrency=1', '--test-name-pattern', 'commands, preview, decorations', 'out/test/e2e/editorUi.test.js'], { LONGCODEZIP_DOCS_SCREENSHOTS: join(root, 'docs') });
console.log('Wrote docs/preview.png');
