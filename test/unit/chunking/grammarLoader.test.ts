import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkGrammar } from '../../../src/core/chunking/checkGrammar';
import { GrammarLoader } from '../../../src/core/chunking/grammarLoader';
import { LANGUAGES } from '../../../src/core/languages/languageTable';
import { distDir } from '../../helpers/repoPaths';

// One small, valid program per language, with a function (or method) in it.
const SAMPLES: Record<string, { code: string; functionNode: string }> = {
  python: { code: 'def add(a, b):\n    return a + b\n', functionNode: 'function_definition' },
  javascript: { code: 'function add(a, b) { return a + b; }\n', functionNode: 'function_declaration' },
  typescript: { code: 'function add(a: number, b: number): number { return a + b; }\n', functionNode: 'function_declaration' },
  tsx: { code: 'const View = (p: { n: number }) => <b>{p.n}</b>;\nfunction f(): void {}\n', functionNode: 'function_declaration' },
  java: { code: 'class A { int add(int a, int b) { return a + b; } }\n', functionNode: 'method_declaration' },
  go: { code: 'package main\n\nfunc add(a, b int) int { return a + b }\n', functionNode: 'function_declaration' },
  rust: { code: 'fn add(a: i32, b: i32) -> i32 { a + b }\n', functionNode: 'function_item' },
  c: { code: 'int add(int a, int b) { return a + b; }\n', functionNode: 'function_definition' },
  cpp: { code: 'namespace m { int add(int a, int b) { return a + b; } }\n', functionNode: 'function_definition' },
  csharp: { code: 'class A { int Add(int a, int b) { return a + b; } }\n', functionNode: 'method_declaration' },
  ruby: { code: 'def add(a, b)\n  a + b\nend\n', functionNode: 'method' },
  php: { code: '<?php\nfunction add($a, $b) { return $a + $b; }\n', functionNode: 'function_definition' },
};

describe('GrammarLoader', () => {
  const loader = new GrammarLoader(distDir);

  it('has a sample for every language of the table (so a new language cannot skip this test)', () => {
    assert.deepEqual(Object.keys(SAMPLES).sort(), LANGUAGES.map((l) => l.id).sort());
  });

  for (const language of LANGUAGES) {
    it(`parses ${language.name} with the grammar copied into the build`, async () => {
      const sample = SAMPLES[language.id]!;
      const parser = await loader.parserFor(language.id);
      const tree = parser.parse(sample.code)!;
      assert.equal(tree.rootNode.hasError, false, tree.rootNode.toString());
      assert.ok(tree.rootNode.descendantsOfType(sample.functionNode).length >= 1, `no ${sample.functionNode} in ${tree.rootNode.toString()}`);
      tree.delete();
      parser.delete();
    });
  }

  it('rejects an unknown language with a message naming it', async () => {
    await assert.rejects(loader.parserFor('cobol'), /No tree-sitter grammar for language "cobol"/);
  });

  it('reports a corrupt grammar file with its path, and works again once the file is fixed', async () => {
    const assets = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-grammars-'));
    fs.mkdirSync(path.join(assets, 'grammars'));
    fs.copyFileSync(path.join(distDir, 'web-tree-sitter.wasm'), path.join(assets, 'web-tree-sitter.wasm'));
    const grammar = path.join(assets, 'grammars', 'python.wasm');
    fs.writeFileSync(grammar, 'this is not WebAssembly');
    const broken = new GrammarLoader(assets);
    await assert.rejects(broken.parserFor('python'), (error: Error) => {
      assert.match(error.message, /Could not load the python grammar/);
      assert.ok(error.message.includes(grammar), error.message);
      return true;
    });
    fs.copyFileSync(path.join(distDir, 'grammars', 'python.wasm'), grammar);
    const parser = await broken.parserFor('python');
    assert.equal(parser.parse('x = 1\n')!.rootNode.hasError, false);
    fs.rmSync(assets, { recursive: true, force: true });
  });
});

describe('checkGrammar', () => {
  it('passes on a sample that parses, counting its named nodes', async () => {
    const check = await checkGrammar(new GrammarLoader(distDir), 'python', 'def f():\n    return 1\n');
    assert.equal(check.ok, true);
    if (check.ok) assert.ok(check.namedNodes >= 5);
  });

  it('fails with a reason on a sample with syntax errors', async () => {
    const check = await checkGrammar(new GrammarLoader(distDir), 'python', 'def f(:\n');
    assert.deepEqual(check, { languageId: 'python', ok: false, error: 'the sample did not parse without errors' });
  });

  it('fails with the loader message when the runtime is missing', async () => {
    const check = await checkGrammar(new GrammarLoader(path.join(os.tmpdir(), 'no-such-lcz-assets')), 'python', 'x = 1\n');
    assert.equal(check.ok, false);
    if (!check.ok) assert.match(check.error, /python/);
  });
});
