import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompressionResult } from '../../../src/core/compress/compressionResult';
import { DEFAULT_MODEL_ID } from '../../../src/core/models/catalog/modelCatalog';
import { FakeHub } from '../../helpers/fakeHub';
import { repoRoot } from '../../helpers/repoPaths';
import { runCliAsync, startCli } from '../../helpers/runCliAsync';

const tiny = path.join(repoRoot, 'test', 'fixtures', 'models', 'tiny-qwen2');
const sample = path.join(repoRoot, 'examples', 'sample-project');
const ID = 'test-org/tiny-qwen2';
const DATA = 'onnx/model.onnx_data';

describe('longcodezip models', () => {
  let hub: FakeHub;
  let cacheDir: string;
  let env: NodeJS.ProcessEnv;
  let folder: string;
  before(async () => {
    hub = await new FakeHub({ [ID]: tiny }).start();
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-cli-models-'));
    env = { ...process.env, LONGCODEZIP_CACHE_DIR: cacheDir, HF_ENDPOINT: hub.endpoint };
    folder = path.join(cacheDir, 'models', 'test-org', 'tiny-qwen2');
  });
  after(async () => {
    await hub.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });
  const models = (args: string[]) => runCliAsync(['models', ...args], { env });

  it('usage errors exit 2 with one line', async () => {
    for (const [args, message] of [
      [['pull'], /models pull takes one model id/],
      [['pull', 'no-owner'], /'no-owner' is not a model id: give the hub's owner\/name/],
      [['pull', ID, '--dtype', 'q9'], /--dtype 'q9' is not a known weight variant/],
      [['frobnicate'], /unknown action 'frobnicate'/],
      [['list', '--offline'], /models list does not take --offline/],
    ] as const) {
      const result = await models([...args]);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
  });

  it('offline, pull downloads nothing and names the fix', async () => {
    const result = await models(['pull', ID, '--dtype', 'fp32', '--offline']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^longcodezip: offline: test-org\/tiny-qwen2 \(fp32\) needs config\.json, .* run `longcodezip models pull test-org\/tiny-qwen2 --dtype fp32` without --offline\n$/);
    assert.equal(hub.requests.length, 0);
  });

  it('compress names the pull for a model that is not downloaded, and never fetches it', async () => {
    const question = 'How is the late-return fee calculated?';
    const named = await runCliAsync(['compress', '--query', question, '--scorer', 'onnx', '--model', ID, '--device', 'cpu'], { cwd: sample, env });
    assert.equal(named.status, 1);
    assert.equal(named.stderr, `longcodezip: Model ${ID} is not downloaded: run \`longcodezip models pull ${ID}\`\n`);
    const byDefault = await runCliAsync(['compress', '--query', question, '--scorer', 'onnx', '--device', 'cpu', '--offline'], { cwd: sample, env });
    assert.equal(byDefault.status, 1);
    assert.equal(byDefault.stderr, `longcodezip: Model ${DEFAULT_MODEL_ID} is not downloaded: run \`longcodezip models pull ${DEFAULT_MODEL_ID}\`\n`);
    assert.equal(hub.requests.length, 0);
  });

  it('Ctrl-C stops a pull, keeps the bytes so far, and the next pull resumes from them', async () => {
    hub.faults.set(DATA, { stallAfter: 100_000 });
    const running = startCli(['models', 'pull', ID, '--dtype', 'fp32'], { env });
    const part = path.join(folder, `${DATA}.part`);
    const deadline = Date.now() + 30_000;
    while (!(fs.existsSync(part) && fs.statSync(part).size === 100_000) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.match(running.stderr(), /\[5\/5\] onnx\/model\.onnx_data: downloading 917\.5 KB\n/);
    running.child.kill('SIGINT');
    const stopped = await running.finished;
    assert.equal(stopped.status, 130, stopped.stderr);
    assert.match(stopped.stderr, /longcodezip: test-org\/tiny-qwen2 onnx\/model\.onnx_data: cancelled after 100 KB of 917\.5 KB; pull again to resume\n$/);
    assert.equal(fs.statSync(part).size, 100_000);

    const resumed = await models(['pull', ID, '--dtype', 'fp32']);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.equal(resumed.stdout, `${folder}\n`);
    assert.match(resumed.stderr, /\[1\/5\] config\.json: already downloaded/);
    assert.match(resumed.stderr, /\[5\/5\] onnx\/model\.onnx_data: downloading 917\.5 KB, resuming at 100 KB\n/);
    assert.match(resumed.stderr, /\[5\/5\] onnx\/model\.onnx_data: 917\.5 KB, checked\n/);
    assert.match(resumed.stderr, /longcodezip: test-org\/tiny-qwen2 \(fp32\) is ready \(downloaded 1 file, 917\.5 KB\) in /);
    assert.deepEqual(fs.readFileSync(path.join(folder, DATA)), fs.readFileSync(path.join(tiny, DATA)));
  });

  it('path prints the folder of a complete download, or exits 1 naming the pull', async () => {
    const found = await models(['path', ID]);
    assert.equal(found.status, 0, found.stderr);
    assert.equal(found.stdout, `${folder}\n`);
    const otherDtype = await models(['path', ID, '--dtype', 'q8']);
    assert.equal(otherDtype.status, 1);
    assert.equal(otherDtype.stderr, `longcodezip: Model ${ID} (q8) is not downloaded: run \`longcodezip models pull ${ID} --dtype q8\`\n`);
    const unknown = await models(['path', 'test-org/never-pulled']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /run `longcodezip models pull test-org\/never-pulled`/);
  });

  it('list shows the catalog, what is downloaded and where, and the devices', async () => {
    const text = await models(['list']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`^Models \\(downloads go to ${escape(path.join(cacheDir, 'models'))}\\)\n`));
    assert.match(text.stdout, new RegExp(`  ${escape(DEFAULT_MODEL_ID)}  \\(default, 0\\.5B: .*\\)\n      download: q8 ~640 MB, fp16 ~990 MB, fp32 ~2 GB\n      not downloaded\n`));
    assert.match(text.stdout, new RegExp(`  ${escape(ID)}\n      downloaded: fp32 975\\.5 KB in ${escape(folder)}\n`));
    assert.match(text.stdout, /Devices on this machine\n {2}cpu {5}yes {2}/);
    const json = JSON.parse((await models(['list', '--json'])).stdout) as { models: { id: string; downloaded: { dtype: string; complete: boolean }[] }[]; devices: { device: string; usable: boolean }[] };
    assert.deepEqual(json.models.find((m) => m.id === ID)!.downloaded.map((d) => [d.dtype, d.complete]), [['fp32', true]]);
    assert.ok(json.devices.some((d) => d.device === 'cpu' && d.usable));
  });

  it('compress --scorer onnx --model ID runs the downloaded model from the cache without touching the hub', async () => {
    hub.requests.length = 0;
    const question = 'How is the late-return fee calculated when a member returns a book after the due date?';
    const result = await runCliAsync(['compress', '--query', question, '--budget', '1000', '--scorer', 'onnx', '--model', ID, '--dtype', 'fp32', '--device', 'cpu', '--json'], {
      cwd: sample,
      env,
    });
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as CompressionResult;
    assert.equal(report.scorer.name, 'onnx');
    assert.ok(report.totals.compressedTokens <= 1000);
    assert.equal(hub.requests.length, 0);
    const missingDtype = await runCliAsync(['compress', '--query', question, '--scorer', 'onnx', '--model', ID, '--dtype', 'q8', '--device', 'cpu'], { cwd: sample, env });
    assert.equal(missingDtype.status, 1);
    assert.match(missingDtype.stderr, /^longcodezip: Model test-org\/tiny-qwen2 \(q8\) is missing onnx\/model_quantized\.onnx in .*: run `longcodezip models pull test-org\/tiny-qwen2 --dtype q8`\n$/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
