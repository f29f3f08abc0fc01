// On real code we did not write (scripts/setup-corpora.sh), per language: every file is covered exactly
// by its chunks, and the functions and methods we find agree with an independent oracle (universal-ctags;
// the TypeScript compiler for TypeScript and TSX) after the differences by design, which are counted and
// printed, never dropped silently: recall and precision of at least 0.95 on the files tree-sitter parses
// without errors, and at least 0.93 on all files (macro-heavy C++ defeats the grammar: what does not
// parse cannot be found; docs/corpora.md).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { FileChunks } from '../../src/core/chunking/chunk';
import { ParsePool } from '../../src/core/chunking/parsePool';
import { corpusFiles, setupCorpora } from '../helpers/corpora';
import { oracleDefinitions } from '../helpers/definitionOracle';
import { distDir } from '../helpers/repoPaths';
import type { DefinitionFlag } from '../helpers/ctagsOracle';
import { compareWithCtags, DEFAULT_BY_DESIGN, formatComparison, type OurDefinition } from './compareWithCtags';

const pool = new ParsePool({ assetDir: distDir, workers: os.availableParallelism() });
after(() => pool.dispose());

/** One definition per function: a function cut into parts counts once, with its whole range. */
function ourDefinitions(files: readonly FileChunks[]): OurDefinition[] {
  const ours: OurDefinition[] = [];
  for (const file of files) {
    const parts = new Map<string, { name: string; startLine: number; endLine: number; detail: string }>();
    for (const chunk of file.chunks) {
      if (chunk.kind === 'function' || chunk.kind === 'method') {
        ours.push({ path: file.path, name: chunk.name ?? '', startLine: chunk.startLine, endLine: chunk.endLine, detail: `${chunk.kind} ${chunk.parent ?? ''}` });
      } else if (chunk.kind === 'function-part' && chunk.scope) {
        const known = parts.get(chunk.scope);
        if (known) known.endLine = chunk.endLine;
        else parts.set(chunk.scope, { name: chunk.name ?? '', startLine: chunk.startLine, endLine: chunk.endLine, detail: 'function-part' });
      }
    }
    for (const part of parts.values()) ours.push({ path: file.path, ...part });
  }
  return ours;
}

/**
 * C# properties, indexers and events with accessor bodies are method chunks by our design (like a Python
 * @property); ctags does not count them as methods. Their signature has no parameter list.
 */
function isCSharpProperty(file: FileChunks, definition: OurDefinition): boolean {
  const chunk = file.chunks.find((c) => c.startLine === definition.startLine && c.name === definition.name);
  const signature = chunk?.text.split('\n').find((line) => !/^\s*(\/\/|\[|$)/.test(line)) ?? '';
  return !/\(/.test(signature.split(/\{|=>/)[0]!);
}

const corpora = setupCorpora();

/**
 * Files where the oracle is shown to go blind, treated like the files ctags warns about: our extras
 * there are printed but left out of the adjusted precision. universal-ctags 5.9 stops reading C++
 * definitions after a u8"..." literal: it finds 57 of this file's 159 TEST(...) bodies (line 815 on).
 */
const ORACLE_BLIND: Record<string, number> = {
  'googletest/googletest/test/googletest-printers-test.cc': 815,
};
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * Where our chunker departs from the oracle's defaults by design (docs/chunking.md): in JavaScript,
 * `X.prototype.f = function` and `exports.f = ...` at top level are functions (parent X); in JavaScript
 * and TypeScript, `const C = wrapper(() => ...)` (React.forwardRef, memo) is a function, and functions
 * inside a top-level `if`/`try` block stay in it (block scope).
 */
const BY_DESIGN: Partial<Record<string, DefinitionFlag[]>> = {
  javascript: [...DEFAULT_BY_DESIGN.filter((flag) => flag !== 'member-assignment' && flag !== 'wrapped-in-call'), 'in-statement-block'],
  typescript: [...DEFAULT_BY_DESIGN.filter((flag) => flag !== 'wrapped-in-call'), 'in-statement-block'],
  tsx: [...DEFAULT_BY_DESIGN.filter((flag) => flag !== 'wrapped-in-call'), 'in-statement-block'],
};

/**
 * JavaScript is checked against the TypeScript compiler's parser too: ctags reports `x.f = function g`
 * twice (as f and as g) and aliases such as `W.prototype.int64 = W.prototype.uint64` as methods.
 */
const ORACLE: Partial<Record<string, 'ctags' | 'typescript'>> = { javascript: 'typescript' };

describe('chunking real code, checked against an independent oracle', () => {
  for (const corpus of corpora) {
    it(`${corpus.language}: ${path.basename(corpus.folder)}`, async (t) => {
      const files = corpusFiles(corpus);
      const sources = files.map((file) => ({ path: file, text: fs.readFileSync(path.join(corpus.folder, file), 'utf8') }));
      const chunked = await pool.chunkFiles(sources);

      let lines = 0;
      let glueLines = 0;
      for (const [i, file] of chunked.entries()) {
        assert.equal(file.chunks.map((c) => c.text).join(''), sources[i]!.text, `${file.path}: chunks do not join into the file`);
        assert.equal(file.fallbackReason, undefined, `${file.path} fell back to blank-line blocks: ${file.fallbackReason}`);
        lines += file.chunks.at(-1)?.endLine ?? 0;
        for (const chunk of file.chunks) if (chunk.kind === 'glue') glueLines += chunk.endLine - chunk.startLine + 1;
      }

      let ours = ourDefinitions(chunked);
      let byDesign = '';
      if (corpus.language === 'csharp') {
        const byPath = new Map(chunked.map((f) => [f.path, f]));
        const properties = ours.filter((d) => isCSharpProperty(byPath.get(d.path)!, d));
        ours = ours.filter((d) => !properties.includes(d));
        byDesign = `\n  ${properties.length} of ours left out by design: C# properties, indexers and events with bodies are method chunks, not ctags methods`;
      }
      const oracle = oracleDefinitions(corpus.language, files, { cwd: corpus.folder, oracle: ORACLE[corpus.language] });
      const warnings = new Map(oracle.warnings);
      for (const [file, line] of Object.entries(ORACLE_BLIND)) if (files.includes(file)) warnings.set(file, [line]);
      const options = { oracleWarnings: warnings, byDesign: BY_DESIGN[corpus.language] ?? DEFAULT_BY_DESIGN };
      const comparison = compareWithCtags(oracle.definitions, ours, options);
      const withErrors = new Set(chunked.filter((f) => f.parseErrors > 0).map((f) => f.path));
      const clean = compareWithCtags(
        oracle.definitions.filter((d) => !withErrors.has(d.path)),
        ours.filter((d) => !withErrors.has(d.path)),
        options,
      );
      t.diagnostic(
        `${formatComparison(`${corpus.language} ${path.basename(corpus.folder)}`, comparison, 3)}${byDesign}\n` +
          `  ${files.length} files, ${lines} lines, glue ${((glueLines / lines) * 100).toFixed(1)}% of lines, ${withErrors.size} files with syntax errors\n` +
          `  files without syntax errors: recall ${percent(clean.recall)}, precision ${percent(clean.adjustedPrecision)}`,
      );
      if (clean.recall < 0.95 || clean.adjustedPrecision < 0.95) t.diagnostic(formatComparison('files without syntax errors', clean, 8));
      assert.ok(clean.recall >= 0.95, `recall ${percent(clean.recall)} < 95% on files without syntax errors`);
      assert.ok(clean.adjustedPrecision >= 0.95, `precision ${percent(clean.adjustedPrecision)} < 95% on files without syntax errors`);
      assert.ok(comparison.recall >= 0.93, `recall ${percent(comparison.recall)} < 93% on all files`);
      assert.ok(comparison.adjustedPrecision >= 0.93, `precision ${percent(comparison.adjustedPrecision)} < 93% on all files`);
    });
  }
});
