// On real code we did not write (scripts/setup-corpora.sh), per language: every file is covered exactly
// by its chunks, and the functions and methods we find agree with an independent oracle (universal-ctags;
// the TypeScript compiler for TypeScript and TSX) with recall and precision of at least 0.95, after the
// differences by design, which are counted and printed, never dropped silently.
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
import { compareWithCtags, formatComparison, type OurDefinition } from './compareWithCtags';

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
      const oracle = oracleDefinitions(corpus.language, files, { cwd: corpus.folder });
      const comparison = compareWithCtags(oracle.definitions, ours, { oracleWarnings: oracle.warnings });
      const withErrors = chunked.filter((f) => f.parseErrors > 0).length;
      t.diagnostic(
        `${formatComparison(`${corpus.language} ${path.basename(corpus.folder)}`, comparison, 3)}${byDesign}\n` +
          `  ${files.length} files, ${lines} lines, glue ${((glueLines / lines) * 100).toFixed(1)}% of lines, ${withErrors} files with syntax errors`,
      );
      assert.ok(comparison.recall >= 0.95, `recall ${comparison.recall.toFixed(3)} < 0.95`);
      assert.ok(comparison.adjustedPrecision >= 0.95, `precision ${comparison.adjustedPrecision.toFixed(3)} < 0.95`);
    });
  }
});
