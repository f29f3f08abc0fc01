import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveCacheDir } from '../../core/cache/cacheDir';
import { ChunkCache } from '../../core/cache/chunkCache';
import { DiskStore } from '../../core/cache/diskStore';
import { ChunkIndex } from '../../core/chunking/chunkIndex';
import { ParsePool } from '../../core/chunking/parsePool';
import { compress } from '../../core/compress/compress';
import { CompressionInputError } from '../../core/compress/compressionInputError';
import type { CompressionQuery } from '../../core/compress/compressionRequest';
import type { CompressionResult } from '../../core/compress/compressionResult';
import { COMPLETION_BUDGET, DEFAULT_PARAMETERS, QUESTION_BUDGET } from '../../core/compress/parameters';
import { parsePinSpec } from '../../core/compress/resolvePins';
import type { RankingMode } from '../../core/retrieval/rankChunks';
import { contextScorers, type ScorerChoice } from '../../core/compress/contextScorers';
import { isModelDtype, type ModelDtype } from '../../core/scoring/onnx/modelFolder';
import { DEFAULT_MODEL_ID } from '../../core/models/catalog/modelCatalog';
import { OnnxProcessScorer } from '../../core/scoring/onnx/onnxProcessScorer';
import type { DeviceChoice } from '../../core/scoring/onnx/devices/deviceName';
import { parseDeviceFlag, resolveDevice } from './deviceFlags';
import { budgetCounter, type BudgetTokenizer } from '../../core/tokens/budgetTokenizer';
import { WorkspaceFilter } from '../../core/workspace/workspaceFilter';
import type { CliContext, CliIO } from '../cliIO';
import { parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';
import { workspaceRoot } from '../workspaceRoot';
import { parseCursor, parseNumberFlag } from './compressFlags';
import { modelFolderFromFlag, requireCompleteDownload } from './modelFlags';
import { API_KEY_VARIABLE, parseRemoteFlags } from './remoteFlags';
import { summaryLine } from './summaryLine';

export const COMPRESS_USAGE = `longcodezip compress [PATH...] (--query TEXT | --query-file FILE | --cursor FILE:LINE[:COL])
    [--budget N | --rate R] [--fine-ratio R] [--beta B] [--ranking auto|fused|ami] [--structure on|off]
    [--scorer ngram|onnx|remote] [--model ID|DIR|NAME] [--endpoint URL] [--tokenizer-dir DIR] [--allow-remote-host] [--dtype D] [--device auto|cpu|cuda|webgpu|dml|coreml] [--tokenizer o200k|cl100k] [--pin PATH[:NAME]]... [--exclude GLOB]...
    [--cache-dir DIR] [--offline] [--format text|json|markdown] [--out FILE]

Compresses the code under PATH (default: the current folder) for a question, or for a completion at a
cursor, to at most the budget in tokens. Text output is exactly what an LLM would receive; a summary
goes to stderr.

  --query TEXT          the question
  --query-file FILE     the question, read from FILE
  --cursor FILE:LINE[:COL]
                        completion mode: the query is the current function up to the cursor (1-based)
  --budget N            hard cap on output tokens (default ${QUESTION_BUDGET}; completion ${COMPLETION_BUDGET})
  --rate R              budget = R x the tokens of all collected files (0 < R <= 1)
  --fine-ratio R        share of each long function stage 2 keeps, on average; 1 = whole functions only (${DEFAULT_PARAMETERS.fineRatio})
  --beta B              how much the rank weights each function's budget (${DEFAULT_PARAMETERS.beta})
  --ranking MODE        auto (default: fused with the n-gram scorer, ami with onnx), fused (AMI + BM25), ami (the paper's)
  --structure on|off    with --cursor: fuse structural evidence (what the code before the cursor calls, its class,
                        its imports) into the ranking (default on)
  --scorer S            ngram (default: no download), onnx (a causal code LM, --model DIR) or remote
                        (the same LM on an inference server: --endpoint URL --model NAME --tokenizer-dir DIR)
  --model ID|DIR        the onnx scorer's model: a hub id downloaded by "longcodezip models pull ID" (default
                        ${DEFAULT_MODEL_ID}), or a folder in the published transformers.js layout
  --model NAME          the remote scorer's model, as the server names it
  --endpoint URL        the remote scorer's server: its OpenAI base URL (vLLM: http://HOST:8000/v1);
                        API key from $${API_KEY_VARIABLE}
  --tokenizer-dir DIR   the remote scorer's tokenizer: a folder with the served model's tokenizer.json
  --allow-remote-host   allow sending the code to an --endpoint that is not this machine (else asked
                        at a terminal, refused otherwise)
  --dtype D             which weights of the model: q8 (onnx/model_quantized.onnx), fp32, fp16, ...
                        (default: q8 on the CPU, fp16 on a GPU, among those the model folder holds)
  --device D            auto (default: CUDA, else a hardware WebGPU adapter, else the CPU), cpu, cuda,
                        webgpu, dml (Windows), coreml (macOS); a device that fails falls back to the CPU
  --tokenizer T         the budget tokenizer: o200k (default) or cl100k
  --pin PATH[:NAME]     keep a file, or one definition in it (Class.method), whole (repeatable)
  --exclude GLOB        leave out files matching GLOB (repeatable)
  --cache-dir DIR       where chunks, scores and downloaded models are (default $LONGCODEZIP_CACHE_DIR or ~/.cache/longcodezip)
  --offline             local files only (compress never downloads a model; refuses --scorer remote)
  --format F            text (default), markdown (fenced per file) or json (the full report)
  --json                short for --format json
  --out FILE            write the output to FILE instead of stdout
`;

export async function compressCommand(argv: readonly string[], io: CliIO, context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    query: { type: 'string' },
    'query-file': { type: 'string' },
    cursor: { type: 'string' },
    budget: { type: 'string' },
    rate: { type: 'string' },
    'fine-ratio': { type: 'string' },
    beta: { type: 'string' },
    ranking: { type: 'string' },
    structure: { type: 'string' },
    scorer: { type: 'string' },
    model: { type: 'string' },
    endpoint: { type: 'string' },
    'tokenizer-dir': { type: 'string' },
    'allow-remote-host': { type: 'boolean' },
    dtype: { type: 'string' },
    device: { type: 'string' },
    tokenizer: { type: 'string' },
    pin: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    'cache-dir': { type: 'string' },
    offline: { type: 'boolean' },
    format: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(COMPRESS_USAGE);
    return 0;
  }
  const format = values.json ? 'json' : ((values.format as string | undefined) ?? 'text');
  if (!['text', 'json', 'markdown'].includes(format)) throw new UsageError(`--format must be text, json or markdown, not '${format}'`);
  const ranking = (values.ranking as string | undefined) ?? 'auto';
  if (!['auto', 'fused', 'ami'].includes(ranking)) throw new UsageError(`--ranking must be auto, fused or ami, not '${ranking}'`);
  if (values.offline && values.scorer === 'remote') throw new UsageError('--offline uses local files only: --scorer remote needs its server');
  const remote = await parseRemoteFlags(values, context);
  const onnxFlags = remote ? undefined : parseOnnxFlags(values, context);
  const onnx = onnxFlags && (await resolveDevice(onnxFlags));
  if (onnx) requireCompleteDownload(onnx.folder, onnx.dtype);
  let neural: Promise<OnnxProcessScorer> | undefined;
  const scorerChoice: ScorerChoice = remote
    ? remote
    : onnx
      ? { kind: 'onnx', ...onnx, open: () => (neural ??= OnnxProcessScorer.open({ ...onnx, script: path.join(context.assetDir, 'onnxWorker.js') })) }
      : { kind: 'ngram' };
  const tokenizer = (values.tokenizer as string | undefined) ?? 'o200k';
  if (tokenizer !== 'o200k' && tokenizer !== 'cl100k') throw new UsageError(`--tokenizer must be o200k or cl100k, not '${tokenizer}'`);
  if (values.budget !== undefined && values.rate !== undefined) throw new UsageError('give --budget or --rate, not both');

  const queries = [values.query, values['query-file'], values.cursor].filter((v) => v !== undefined);
  if (queries.length !== 1) throw new UsageError('give exactly one of --query, --query-file and --cursor');
  const structure = (values.structure as string | undefined) ?? 'on';
  if (structure !== 'on' && structure !== 'off') throw new UsageError(`--structure must be on or off, not '${structure}'`);
  if (values.structure !== undefined && values.cursor === undefined) throw new UsageError('--structure needs --cursor (structural evidence is for completions)');
  const paths = positionals.length > 0 ? positionals : ['.'];
  const root = workspaceRoot(paths, context.cwd);
  const query: CompressionQuery =
    values.cursor !== undefined
      ? { mode: 'completion', cursor: parseCursor(values.cursor as string, root, context.cwd) }
      : { mode: 'question', text: values.query !== undefined ? (values.query as string) : readQueryFile(values['query-file'] as string, context.cwd) };
  if (query.mode === 'question' && query.text.trim() === '') throw new UsageError('the query is empty');

  const countTokens = budgetCounter(tokenizer as BudgetTokenizer);
  const filter = new WorkspaceFilter({ root, exclude: (values.exclude as string[] | undefined) ?? [] });
  const pool = new ParsePool({ assetDir: context.assetDir, workers: Math.min(os.availableParallelism(), 8) });
  const store = new DiskStore({ dir: resolveCacheDir({ flag: values['cache-dir'] as string | undefined, env: context.env, cwd: context.cwd }) });
  const started = performance.now();
  let result: CompressionResult;
  try {
    const snapshot = await new ChunkIndex(filter, pool, { cache: new ChunkCache({ store, workspace: root }) }).build({ paths: paths.map((p) => path.resolve(context.cwd, p)) });
    const chunkMillis = Math.round(performance.now() - started);
    if (snapshot.files.length === 0) throw new Error(`no files to compress under ${paths.join(', ')} (${snapshot.skipped.length} skipped)`);
    // Counted only for --rate, chunk by chunk as the report counts the original.
    const originalTokens = () => snapshot.files.reduce((sum, file) => sum + file.chunks.reduce((s, chunk) => s + countTokens(chunk.text), 0), 0);
    const budget = budgetFrom(values.budget as string | undefined, values.rate as string | undefined, originalTokens, query.mode);
    result = await compress(
      {
        files: snapshot.files,
        skipped: snapshot.skipped.map((file) => ({ path: file.path, reason: `${file.reason}, ${file.detail}` })),
        query,
        parameters: {
          ...DEFAULT_PARAMETERS,
          budget,
          fineRatio: parseNumberFlag('--fine-ratio', values['fine-ratio'] as string | undefined, DEFAULT_PARAMETERS.fineRatio, { above: 0, atMost: 1 }),
          beta: parseNumberFlag('--beta', values.beta as string | undefined, DEFAULT_PARAMETERS.beta, { atLeast: 0, atMost: 1 }),
          ranking: ranking as RankingMode,
          structure,
        },
        pins: ((values.pin as string[] | undefined) ?? []).map(parsePinSpec),
        format: format === 'markdown' ? 'markdown' : 'text',
        prepared: { chunkMillis },
      },
      {
        ...contextScorers(scorerChoice, snapshot.files, store, root),
        countTokens,
      },
    );
  } catch (error) {
    if (error instanceof CompressionInputError) throw new UsageError(error.message);
    throw error;
  } finally {
    await (await neural?.catch(() => undefined))?.dispose();
    await pool.dispose();
    await store.flush();
  }
  const output = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : result.text.endsWith('\n') ? result.text : `${result.text}\n`;
  if (values.out !== undefined) fs.writeFileSync(path.resolve(context.cwd, values.out as string), output);
  else io.stdout(output);
  io.stderr(`${summaryLine(result)}\n`);
  return 0;
}

/** The onnx scorer's model, weights and threads from the flags; undefined for the n-gram scorer. */
function parseOnnxFlags(
  values: Record<string, unknown>,
  context: CliContext,
): { folder: string; dtype?: ModelDtype; device: DeviceChoice; threads: number } | undefined {
  const scorer = (values.scorer as string | undefined) ?? 'ngram';
  if (scorer !== 'ngram' && scorer !== 'onnx') throw new UsageError(`--scorer must be ngram, onnx or remote, not '${scorer}'`);
  const device = parseDeviceFlag(values.device as string | undefined);
  if (scorer === 'ngram') {
    for (const flag of ['model', 'dtype', 'device']) if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --scorer onnx`);
    return undefined;
  }
  const dtype = values.dtype as string | undefined;
  if (dtype !== undefined && !isModelDtype(dtype)) throw new UsageError(`--dtype '${dtype}' is not a known weight variant (q8, fp32, fp16, q4f16, ...)`);
  const folder = modelFolderFromFlag(values.model as string | undefined, values['cache-dir'] as string | undefined, context);
  return { folder, dtype, device, threads: os.availableParallelism() };
}

function readQueryFile(file: string, cwd: string): string {
  try {
    return fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --query-file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function budgetFrom(budget: string | undefined, rate: string | undefined, originalTokens: () => number, mode: CompressionQuery['mode']): number {
  if (rate !== undefined) {
    const r = parseNumberFlag('--rate', rate, 0, { above: 0, atMost: 1 });
    return Math.max(1, Math.floor(r * originalTokens()));
  }
  const fallback = mode === 'completion' ? COMPLETION_BUDGET : QUESTION_BUDGET;
  const n = parseNumberFlag('--budget', budget, fallback, { atLeast: 1 });
  if (!Number.isInteger(n)) throw new UsageError(`--budget must be a whole number of tokens, not '${budget}'`);
  return n;
}
