// Completion benchmark (issue 7): complete a line of a real function; does the compressed context keep the
// definitions that line calls? Dependency recall at budgets of 1/2, 1/4, 1/8 of the context, with and without
// structural evidence, against BM25 and the last tokens. docs/benchmarks.md records the figures; docs/structure.md
// the method. Flags: --regenerate (ignore the cached tasks), --tasks-only, --tasks N (an even sample).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Chunker } from '../src/core/chunking/chunker';
import { GrammarLoader } from '../src/core/chunking/grammarLoader';
import { completionTarget, completionTaskSummary, recallTables } from './completion/completionReport';
import { bm25ByFunction, lastTokens, pipelineRow, structureAlone, type CompletionRow } from './completion/completionRows';
import { evaluateCompletion } from './completion/evaluateCompletion';
import { loadCompletionTasks } from './completion/loadCompletionTasks';
import { ChunkedFiles } from './retrieval/chunkedFiles';
import { setupRetrievalCorpora } from './retrieval/corpusPackages';

const repoRoot = path.resolve(__dirname, '..', '..');
const assetDir = path.join(repoRoot, 'dist');

const WITH = 'with structure (default)';
const WITHOUT = 'without structure (--structure off)';
const ROWS: readonly CompletionRow[] = [pipelineRow(WITH, { structure: 'on' }), pipelineRow(WITHOUT, { structure: 'off' }), bm25ByFunction, lastTokens, structureAlone];
/** The rows the target compares against (the structure list alone is a diagnostic). */
const COMPARED = [WITHOUT, bm25ByFunction.name, lastTokens.name];

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(assetDir, 'grammars', 'python.wasm'))) throw new Error(`${assetDir} has no grammars: build first (node esbuild.js)`);
  const args = process.argv.slice(2);
  const packages = setupRetrievalCorpora(repoRoot);
  const chunkedFiles = new ChunkedFiles(new Chunker(new GrammarLoader(assetDir)));
  const { set, cacheFile, generation } = await loadCompletionTasks(packages, chunkedFiles, args.includes('--regenerate'));

  console.log(`# Completion benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.availableParallelism()} cores)`);
  console.log(`\nTasks: ${set.tasks.length} (${generation}: ${cacheFile})\n`);
  console.log(completionTaskSummary(set));
  if (args.includes('--tasks-only')) return;

  const wanted = args.includes('--tasks') ? Number(args[args.indexOf('--tasks') + 1]) : set.tasks.length;
  const every = Math.max(1, Math.ceil(set.tasks.length / wanted));
  const tasks = set.tasks.filter((_, i) => i % every === 0);
  const folders = new Map(packages.map((p) => [p.name, p.folder]));
  const started = performance.now();
  const evaluation = await evaluateCompletion(tasks, ROWS, (task) => folders.get(task.package)!, chunkedFiles, (done) => {
    if (done % 25 === 0 || done === tasks.length) process.stderr.write(`[completion] ${done}/${tasks.length} tasks, ${seconds(performance.now() - started)}\n`);
  });
  const names = ROWS.map((r) => r.name);
  console.log(`\n## Dependency recall (share of the cursor line's callees whose signature is kept), ${tasks.length} tasks, ± SE; Δ: paired difference to ${WITH} ± SE\n`);
  console.log(recallTables(evaluation, names, WITH));
  console.log(`\nTarget (${WITH}):`);
  console.log(completionTarget(evaluation, WITH, COMPARED, 0.6));
  console.log(`\nCode before the cursor alone over the budget (1/2, 1/4, 1/8): ${evaluation.prefixOverBudget.join(', ')} tasks (every row keeps nothing there)`);
  console.log(`Outputs over their budget: ${names.map((n) => `${n} ${evaluation.overBudget.get(n)}`).join(', ')}`);
  const rowTimes = names.map((n) => `${n} ${seconds(evaluation.rowMs.get(n)!)}`).join(', ');
  console.log(`Contexts read and chunked in ${seconds(evaluation.contextMs)}; n-gram training ${seconds(evaluation.trainingMs)}; rows (3 budgets each): ${rowTimes}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
