// Builds everything that ships, and the tests.
//   node esbuild.js               development build of dist/ (source maps)
//   node esbuild.js --production  minified dist/ without source maps (what the VSIX carries)
//   node esbuild.js --watch       rebuild dist/ on change
//   node esbuild.js --tests       dist/ plus every test file into out/test/
//   node esbuild.js --bench       dist/ plus the benchmarks into out/bench/
//   node esbuild.js --tests-in unit/workspace
//                                 only the tests under test/unit/workspace (dist/ must exist; its grammar
//                                 and query files are refreshed, nothing else is touched)
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const argv = process.argv.slice(2);
const args = new Set(argv);
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests');
const testsIn = args.has('--tests-in') ? argv[argv.indexOf('--tests-in') + 1] : undefined;
const withBench = args.has('--bench');

const root = __dirname;
const dist = path.join(root, 'dist');
const pkg = require('./package.json');

// Native or WASM-backed packages that cannot be bundled: loaded from node_modules at run time.
const nodeExternals = ['vscode', 'onnxruntime-node', 'onnxruntime-common'];

/** @type {import('esbuild').BuildOptions} */
const nodeOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: nodeExternals,
  // transformers.js requires sharp at load time; we never process images. An empty module is not
  // enough (it checks the export), an external one is missing from the VSIX: a stub that throws if called.
  alias: {
    sharp: path.join(root, 'src/shims/sharpUnavailable.ts'),
    // Its ES module build locates files through import.meta.url, which a CommonJS bundle lacks.
    'web-tree-sitter': path.join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs'),
  },
  define: { __LONGCODEZIP_VERSION__: JSON.stringify(pkg.version) },
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const productBuilds = [
  { ...nodeOptions, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: dist },
  // Worker threads run bundles of their own, next to the extension and the CLI.
  { ...nodeOptions, entryPoints: { chunkWorker: 'src/core/chunking/chunkWorker.ts' }, outdir: dist },
  // The neural scorer's child process (inference off the host's process).
  { ...nodeOptions, entryPoints: { onnxWorker: 'src/core/scoring/onnx/onnxWorker.ts' }, outdir: dist },
  {
    ...nodeOptions,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: dist,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: { panel: 'src/webview/main.ts' },
    outdir: path.join(dist, 'webview'),
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  },
];

/** Tests and benchmarks: bundled with the product's options; their own tooling stays in node_modules. */
function harnessBuild(folder, entryPoints) {
  return {
    ...nodeOptions,
    entryPoints,
    outdir: path.join(root, 'out', folder),
    outbase: path.join(root, folder),
    external: [...nodeExternals, 'esbuild', 'playwright-core'],
    sourcemap: true,
    minify: false,
  };
}

function testBuild(subdir = '') {
  // *.worker.ts: scripts that tests start as worker threads.
  return harnessBuild('test', listFiles(path.join(root, 'test', subdir), (f) => f.endsWith('.test.ts') || f.endsWith('.worker.ts')));
}

function benchBuild() {
  return harnessBuild('bench', listFiles(path.join(root, 'bench'), (f) => f.endsWith('.bench.ts')));
}

function listFiles(dir, keep) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures') out.push(...listFiles(full, keep));
    } else if (keep(full)) {
      out.push(full);
    }
  }
  return out;
}

/**
 * Copies the tree-sitter runtime and the grammar .wasm files out of their pinned npm packages, and each
 * language's query files (grammars/<id>/*.scm) next to its grammar: dist/grammars/<id>/.
 */
function copyGrammars() {
  const grammarsOut = path.join(dist, 'grammars');
  fs.mkdirSync(grammarsOut, { recursive: true });
  const runtime = require.resolve('web-tree-sitter/web-tree-sitter.wasm');
  fs.copyFileSync(runtime, path.join(dist, 'web-tree-sitter.wasm'));
  const { languages } = JSON.parse(fs.readFileSync(path.join(root, 'grammars/languages.json'), 'utf8'));
  for (const language of languages) {
    const source = path.join(path.dirname(require.resolve(`${language.wasm.package}/package.json`)), language.wasm.file);
    fs.copyFileSync(source, path.join(grammarsOut, `${language.id}.wasm`));
    const queries = path.join(root, 'grammars', language.queriesFrom ?? language.id);
    if (!fs.existsSync(queries)) continue;
    fs.mkdirSync(path.join(grammarsOut, language.id), { recursive: true });
    for (const file of fs.readdirSync(queries).filter((name) => name.endsWith('.scm'))) {
      fs.copyFileSync(path.join(queries, file), path.join(grammarsOut, language.id, file));
    }
  }
}

async function main() {
  if (testsIn) {
    copyGrammars();
    fs.rmSync(path.join(root, 'out', 'test', testsIn), { recursive: true, force: true });
    await esbuild.build(testBuild(testsIn));
    return;
  }
  fs.rmSync(dist, { recursive: true, force: true });
  copyGrammars();
  const builds = [...productBuilds, ...(withTests ? [testBuild()] : []), ...(withBench ? [benchBuild()] : [])];
  if (withTests) fs.rmSync(path.join(root, 'out', 'test'), { recursive: true, force: true });
  if (watch) {
    const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((context) => context.watch()));
    console.log('[esbuild] watching for changes');
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
  fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
