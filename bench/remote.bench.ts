// What the remote scorer costs per compression, side by side with the local onnx scorer: the tokens
// it sends (the server's model runs over every one of them), its requests and bytes, against the tokens
// the local scorer runs through its model. examples/sample-project, the demo's question, then a second
// question over the same code (the local scorer reuses its key/values; a server cannot).
//   node out/bench/remote.bench.js [--only tiny-qwen2|57m]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CachedScorer } from '../src/core/cache/cachedScorer';
import { ChunkCache } from '../src/core/cache/chunkCache';
import { DiskStore } from '../src/core/cache/diskStore';
import { ChunkIndex } from '../src/core/chunking/chunkIndex';
import { ParsePool } from '../src/core/chunking/parsePool';
import { compress } from '../src/core/compress/compress';
import { DEFAULT_PARAMETERS } from '../src/core/compress/parameters';
import { ngramForContext } from '../src/core/scoring/ngram/ngramForContext';
import type { ModelDtype } from '../src/core/scoring/onnx/modelFolder';
import { OnnxScorer } from '../src/core/scoring/onnx/onnxScorer';
import { parseEndpoint } from '../src/core/scoring/remote/remoteEndpoint';
import { RemoteScorer } from '../src/core/scoring/remote/remoteScorer';
import type { Scorer } from '../src/core/scoring/scorer';
import { countTokens } from '../src/core/tokens/countTokens';
import { WorkspaceFilter } from '../src/core/workspace/workspaceFilter';
import { FakeVllmServer } from '../test/helpers/fakeVllmServer';
import { markdownTable } from './retrieval/report';

const repoRoot = path.resolve(__dirname, '..', '..');
const assetDir = path.join(repoRoot, 'dist');
const sample = path.join(repoRoot, 'examples', 'sample-project');
const BUDGET = 2000;
const QUESTIONS = [
  'How is the late-return fee calculated when a member returns a book after the due date?',
  'Where are reservations queued and how is the next member notified when a book comes back?',
];
const MODELS: { name: string; folder: string; dtype: ModelDtype }[] = [
  { name: 'tiny-qwen2', folder: path.join(repoRoot, 'test', 'fixtures', 'models', 'tiny-qwen2'), dtype: 'fp32' },
  { name: '57m', folder: path.join(os.homedir(), '.cache', 'longcodezip-bench-models', '57m'), dtype: 'fp32' },
];

interface Counted {
  readonly text: string;
  readonly tokens: number;
  readonly calls: number;
}

async function main(): Promise<void> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const rows: string[][] = [];
  const pool = new ParsePool({ assetDir, workers: 2 });
  try {
    for (const model of MODELS) {
      if ((only && only !== model.name) || !fs.existsSync(model.folder)) continue;
      const server = await FakeVllmServer.start({ folder: model.folder, dtype: model.dtype, model: model.name, maxModelLen: 1 << 20 });
      const local = await OnnxScorer.open({ folder: model.folder, dtype: model.dtype, threads: 1 });
      const remote = await RemoteScorer.open({ endpoint: parseEndpoint(server.url), model: model.name, tokenizerFolder: model.folder });
      try {
        const localRuns = await twoCompressions(pool, local, () => ({ tokens: local.stats.tokens, calls: local.stats.passes }));
        const remoteRuns = await twoCompressions(pool, remote, () => ({ tokens: remote.stats.tokensSent, calls: remote.stats.requests }), () => ({ up: server.bytesIn, down: server.bytesOut }));
        localRuns.forEach((run, i) => {
          const far = remoteRuns[i]!;
          rows.push([
            `${model.name}, ${i === 0 ? 'first question (cold)' : 'second question, same code'}`,
            `${run.tokens.toLocaleString('en')} (${run.calls} passes)`,
            `${far.tokens.toLocaleString('en')} (${far.calls} requests)`,
            `${(far.tokens / run.tokens).toFixed(2)}x`,
            `${kb(far.up)} / ${kb(far.down)}`,
            far.text === run.text ? 'yes' : 'NO',
          ]);
        });
      } finally {
        remote.dispose();
        await local.dispose();
        await server.stop();
      }
    }
  } finally {
    await pool.dispose();
  }
  console.log(`\n## Tokens per compression: examples/sample-project, budget ${BUDGET}\n`);
  console.log(markdownTable(['model, compression', 'local: tokens through the model', 'remote: tokens sent', 'remote / local', 'remote: KB up / down', 'same output'], rows));
}

/** Both questions on one store and one scorer, as a user asking twice in one session; the counts are per compression. */
async function twoCompressions(
  pool: ParsePool,
  scorer: Scorer,
  counts: () => { tokens: number; calls: number },
  bytes?: () => { up: number; down: number },
): Promise<(Counted & { up: number; down: number })[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'longcodezip-remote-bench-'));
  const store = new DiskStore({ dir });
  try {
    const snapshot = await new ChunkIndex(new WorkspaceFilter({ root: sample }), pool, { cache: new ChunkCache({ store, workspace: sample }) }).build({ paths: [sample] });
    const ngram = ngramForContext(snapshot.files);
    const out: (Counted & { up: number; down: number })[] = [];
    for (const question of QUESTIONS) {
      const before = { ...counts(), ...(bytes?.() ?? { up: 0, down: 0 }) };
      const result = await compress(
        { files: snapshot.files, query: { mode: 'question', text: question }, parameters: { ...DEFAULT_PARAMETERS, budget: BUDGET } },
        {
          scorer: () => new CachedScorer({ store, workspace: sample, info: scorer.info(), fingerprint: 'bench', open: async () => scorer }),
          cheapScorer: () => new CachedScorer({ store, workspace: sample, info: ngram.info, fingerprint: ngram.fingerprint, open: () => ngram.open() }),
          countTokens,
        },
      );
      await store.flush();
      const after = { ...counts(), ...(bytes?.() ?? { up: 0, down: 0 }) };
      out.push({ text: result.text, tokens: after.tokens - before.tokens, calls: after.calls - before.calls, up: after.up - before.up, down: after.down - before.down });
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function kb(bytes: number): string {
  return bytes === 0 ? '–' : `${Math.round(bytes / 1024).toLocaleString('en')}`;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
