// Chunking speed and memory (issue: workspace chunking). Run with `npm run bench`.
// Figures are ratios of runs taken side by side, alternating, best of several rounds: this machine is shared.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChunkIndex } from '../src/core/chunking/chunkIndex';
import { Chunker } from '../src/core/chunking/chunker';
import { GrammarLoader } from '../src/core/chunking/grammarLoader';
import { ParsePool } from '../src/core/chunking/parsePool';
import { languageForPath } from '../src/core/languages/languageTable';
import { collectFiles } from '../src/core/workspace/collectFiles';
import type { WorkspaceFile } from '../src/core/workspace/workspaceFile';
import { WorkspaceFilter } from '../src/core/workspace/workspaceFilter';

const repoRoot = path.resolve(__dirname, '..', '..');
const assetDir = path.join(repoRoot, 'dist');
const ROUNDS = 3;

interface Corpus {
  readonly name: string;
  readonly root: string;
  readonly paths: readonly string[];
}

function pythonStdlib(): Corpus | undefined {
  const lib = fs.readdirSync('/usr/lib').filter((name) => /^python3\.\d+$/.test(name)).sort().pop();
  return lib ? { name: `Python stdlib (/usr/lib/${lib})`, root: path.join('/usr/lib', lib), paths: [path.join('/usr/lib', lib)] } : undefined;
}

function jsTsTree(): Corpus {
  const root = path.join(repoRoot, 'node_modules');
  const folders = ['@huggingface/transformers/src', '@azure/msal-browser/src', '@azure/msal-common/src', '@azure/msal-node/src', 'gpt-tokenizer/src', 'onnxruntime-web/lib', '@types/node'];
  return { name: 'JS/TS sources in node_modules', root, paths: folders.map((f) => path.join(root, f)).filter((p) => fs.existsSync(p)) };
}

async function collect(corpus: Corpus): Promise<WorkspaceFile[]> {
  const { files } = await collectFiles({ root: corpus.root, paths: corpus.paths, defaultExcludes: [] });
  return files.filter((file) => languageForPath(file.path));
}

const lineCount = (files: readonly { text: string }[]) => files.reduce((sum, f) => sum + f.text.split('\n').length, 0);
const best = (times: number[]) => Math.min(...times);
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

async function time(run: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function singleThread(corpus: Corpus): Promise<void> {
  const files = await collect(corpus);
  const lines = lineCount(files);
  const grammars = new GrammarLoader(assetDir);
  const parsers = new Map<string, Awaited<ReturnType<GrammarLoader['parserFor']>>>();
  for (const file of files) {
    const id = languageForPath(file.path)!.id;
    if (!parsers.has(id)) parsers.set(id, await grammars.parserFor(id));
  }
  const estimate = (text: string) => Math.ceil(Buffer.byteLength(text) / 4);
  const chunkOnly = new Chunker(grammars, { countTokens: estimate });
  const withTokens = new Chunker(grammars);
  for (const file of files.slice(0, 50)) await withTokens.chunkFile(file); // warm: queries compiled

  const raw: number[] = [];
  const readAndChunk: number[] = [];
  const chunkInMemory: number[] = [];
  const chunkWithTokens: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    raw.push(
      await time(() => {
        for (const file of files) parsers.get(languageForPath(file.path)!.id)!.parse(file.text)!.delete();
      }),
    );
    readAndChunk.push(
      await time(async () => {
        for (const file of await collect(corpus)) await chunkOnly.chunkFile(file);
      }),
    );
    chunkInMemory.push(
      await time(async () => {
        for (const file of files) await chunkOnly.chunkFile(file);
      }),
    );
    chunkWithTokens.push(
      await time(async () => {
        for (const file of files) await withTokens.chunkFile(file);
      }),
    );
  }
  const rawMs = best(raw);
  const chunkMs = best(readAndChunk);
  const tokensMs = best(chunkWithTokens) - best(chunkInMemory);
  console.log(`\n## ${corpus.name}: ${files.length} files, ${lines.toLocaleString('en')} lines (one thread, best of ${ROUNDS})`);
  console.log(`raw tree-sitter parse (text in memory):      ${fmt(rawMs)}  ${rate(lines, rawMs)}`);
  console.log(`read + parse + query + chunk assembly:       ${fmt(chunkMs)}  ${rate(lines, chunkMs)}  = ${(chunkMs / rawMs).toFixed(2)}x raw (target <= 1.3x)`);
  console.log(`  of which parse + query + assembly:         ${fmt(best(chunkInMemory))}  = ${(best(chunkInMemory) / rawMs).toFixed(2)}x raw`);
  console.log(`token counting for the size cap (o200k):     ${fmt(Math.max(0, tokensMs))}  more (reported apart)`);
}

async function workerScaling(corpus: Corpus): Promise<void> {
  const files = (await collect(corpus)).map(({ path, text }) => ({ path, text }));
  const lines = lineCount(files);
  const one = new ParsePool({ assetDir, workers: 1 });
  const two = new ParsePool({ assetDir, workers: 2 });
  try {
    await one.chunkFiles(files.slice(0, 40));
    await two.chunkFiles(files.slice(0, 80));
    const t1: number[] = [];
    const t2: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      t1.push(await time(() => one.chunkFiles(files)));
      t2.push(await time(() => two.chunkFiles(files)));
    }
    console.log(`\n## ${corpus.name}: parse pool, ${files.length} files (best of ${ROUNDS}; this machine has ${os.availableParallelism()} cores)`);
    console.log(`1 worker:  ${fmt(best(t1))}  ${rate(lines, best(t1))}`);
    console.log(`2 workers: ${fmt(best(t2))}  ${rate(lines, best(t2))}  = ${(best(t1) / best(t2)).toFixed(2)}x faster (target >= 1.6x)`);
  } finally {
    await Promise.all([one.dispose(), two.dispose()]);
  }
}

async function rechunkOneFile(corpus: Corpus): Promise<void> {
  const files = await collect(corpus);
  const source = files.reduce((closest, f) => (Math.abs(f.text.split('\n').length - 2000) < Math.abs(closest.text.split('\n').length - 2000) ? f : closest));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-bench-'));
  const file = path.join(root, path.basename(source.path));
  fs.writeFileSync(file, source.text);
  const pool = new ParsePool({ assetDir, workers: 2 });
  const parser = await new GrammarLoader(assetDir).parserFor(languageForPath(file)!.id);
  try {
    const index = new ChunkIndex(new WorkspaceFilter({ root }), pool);
    await index.build();
    const update: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < 20; i++) {
      fs.writeFileSync(file, `${source.text}\n# edit ${i}\n`);
      update.push(await time(() => index.update(file)));
      raw.push(await time(() => parser.parse(source.text)!.delete()));
    }
    const lines = source.text.split('\n').length;
    console.log(`\n## Re-chunking one changed file (${source.path}, ${lines} lines), warm grammar and pool (median of 20)`);
    console.log(`index.update (read, hash, parse + chunk in a worker, back): ${fmt(median(update))}  (target < 30 ms)`);
    console.log(`raw parse of the same file:                                 ${fmt(median(raw))}`);
  } finally {
    await pool.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** In a child process of its own, so that its peak is the chunking's alone. */
async function peakMemoryChild(corpus: Corpus): Promise<void> {
  const pool = new ParsePool({ assetDir, workers: 2 });
  const index = new ChunkIndex(new WorkspaceFilter({ root: corpus.root, defaultExcludes: [] }), pool);
  const snapshot = await index.build({ paths: corpus.paths });
  await pool.dispose();
  const chunks = snapshot.files.reduce((sum, f) => sum + f.chunks.length, 0);
  console.log(JSON.stringify({ files: snapshot.files.length, chunks, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function peakMemory(corpus: Corpus): void {
  const out = execFileSync(process.execPath, [__filename, '--peak-memory'], { encoding: 'utf8' });
  const { files, chunks, maxRssMb } = JSON.parse(out) as { files: number; chunks: number; maxRssMb: number };
  console.log(`\n## Peak memory, ${corpus.name} indexed with 2 workers (main + workers: one process)`);
  console.log(`${files} files, ${chunks} chunks kept in the index: peak RSS ${maxRssMb.toFixed(0)} MB`);
}

const fmt = (ms: number) => `${ms.toFixed(ms < 100 ? 1 : 0)} ms`.padStart(9);
const rate = (lines: number, ms: number) => `${Math.round((lines / ms) * 1000).toLocaleString('en')} lines/s`.padStart(18);

async function main(): Promise<void> {
  const python = pythonStdlib();
  if (process.argv.includes('--peak-memory')) return peakMemoryChild(python!);
  console.log(`# Chunking benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.availableParallelism()} cores)`);
  const corpora = [...(python ? [python] : []), jsTsTree()];
  for (const corpus of corpora) await singleThread(corpus);
  for (const corpus of corpora) await workerScaling(corpus);
  await rechunkOneFile(python ?? jsTsTree());
  if (python) peakMemory(python);
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
