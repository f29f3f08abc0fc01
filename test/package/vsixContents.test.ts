import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LANGUAGES } from '../../src/core/languages/languageTable';
import { repoRoot } from '../helpers/repoPaths';
import { zipEntries } from '../helpers/zipEntries';

// `npm test` packages every target first (scripts/package.mjs); these tests read what it made.
const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const NATIVE_DIRS: Record<string, string> = {
  'linux-x64': 'linux/x64',
  'linux-arm64': 'linux/arm64',
  'win32-x64': 'win32/x64',
  'darwin-arm64': 'darwin/arm64',
};

for (const [target, nativeDir] of Object.entries(NATIVE_DIRS)) {
  describe(`VSIX for ${target}`, () => {
    const file = path.join(repoRoot, 'vsix', `longcodezip-${target}-${version}.vsix`);
    const names = () => zipEntries(file).map((entry) => entry.name);

    it('exists', () => {
      assert.ok(fs.existsSync(file), `${file} is missing: run npm run package`);
    });

    it('carries the bundles, the parse worker, the neural scorer’s process, the tree-sitter runtime, every grammar and every query', () => {
      const all = new Set(names());
      for (const needed of ['dist/extension.js', 'dist/cli.js', 'dist/chunkWorker.js', 'dist/onnxWorker.js', 'dist/webview/panel.js', 'dist/web-tree-sitter.wasm', 'package.json']) {
        assert.ok(all.has(`extension/${needed}`), needed);
      }
      for (const language of LANGUAGES) assert.ok(all.has(`extension/dist/grammars/${language.id}.wasm`), language.id);
      for (const language of LANGUAGES) assert.ok(all.has(`extension/dist/grammars/${language.id}/chunks.scm`), `${language.id}/chunks.scm`);
    });

    it('has in node_modules only onnxruntime-node and onnxruntime-common', () => {
      const packages = new Set(
        names()
          .filter((name) => name.startsWith('extension/node_modules/'))
          .map((name) => name.split('/')[2]),
      );
      assert.deepEqual([...packages].sort(), ['onnxruntime-common', 'onnxruntime-node']);
    });

    it('carries only its own platform’s onnxruntime binaries', () => {
      const binaries = names().filter((name) => name.includes('/onnxruntime-node/bin/'));
      assert.ok(binaries.some((name) => name.endsWith('/onnxruntime_binding.node')));
      for (const name of binaries) assert.ok(name.includes(`/bin/napi-v6/${nativeDir}/`), name);
    });

    it('has no sources, tests, source maps, type declarations, sharp, onnxruntime-web or grammar C sources', () => {
      const offenders = names().filter(
        (name) =>
          /\.(ts|map|c|cc|h|gyp)$/.test(name) ||
          /^extension\/(src|test|scripts|grammars|out)\//.test(name) ||
          /(^|\/)(sharp|onnxruntime-web|@img)\//.test(name),
      );
      assert.deepEqual(offenders, []);
    });
  });
}
