import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { DownloadError } from '../../../src/core/models/download/downloadError';
import { installedState } from '../../../src/core/models/installedModel';
import { listModels } from '../../../src/core/models/listModels';
import { locateModel, ModelNotInstalledError } from '../../../src/core/models/locateModel';
import { readManifest } from '../../../src/core/models/modelStore';
import { pullModel, type PullProgress } from '../../../src/core/models/pullModel';
import { openModelFolder } from '../../../src/core/scoring/onnx/modelFolder';
import { FakeHub } from '../../helpers/fakeHub';
import { repoRoot } from '../../helpers/repoPaths';

const tiny = path.join(repoRoot, 'test', 'fixtures', 'models', 'tiny-qwen2');
const ID = 'test-org/tiny-qwen2';
/** The same model with config.json's external-data hint removed: only the graph names model.onnx_data. */
const UNHINTED = 'test-org/tiny-no-hint';

describe('pullModel: one weight variant of a hub model into the models folder', () => {
  let hub: FakeHub;
  let unhinted: string;
  let modelsDirectory: string;
  before(async () => {
    unhinted = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-unhinted-'));
    fs.cpSync(tiny, unhinted, { recursive: true });
    const config = JSON.parse(fs.readFileSync(path.join(tiny, 'config.json'), 'utf8')) as Record<string, unknown>;
    delete config['transformers.js_config'];
    fs.writeFileSync(path.join(unhinted, 'config.json'), JSON.stringify(config));
    hub = await new FakeHub({ [ID]: tiny, [UNHINTED]: unhinted }).start();
  });
  after(async () => {
    await hub.close();
    fs.rmSync(unhinted, { recursive: true, force: true });
  });
  beforeEach(() => {
    modelsDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-models-'));
    hub.requests.length = 0;
    hub.faults.clear();
  });
  afterEach(() => fs.rmSync(modelsDirectory, { recursive: true, force: true }));

  const pull = (id: string, dtype: 'fp32' | 'q8' | 'q4', extra: { onProgress?: (p: PullProgress) => void; offline?: boolean } = {}) =>
    pullModel({ id, dtype, modelsDirectory, endpoint: hub.endpoint, ...extra });

  it('fetches config, tokenizer, the model file and its external data, each checked, into a folder the scorer opens', async () => {
    const progress: PullProgress[] = [];
    const pulled = await pull(ID, 'fp32', { onProgress: (p) => progress.push(p) });
    assert.equal(pulled.folder, path.join(modelsDirectory, 'test-org', 'tiny-qwen2'));
    const files = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'onnx/model.onnx_data'];
    assert.deepEqual(pulled.files.map((f) => f.file), files);
    for (const file of files) assert.deepEqual(fs.readFileSync(path.join(pulled.folder, file)), fs.readFileSync(path.join(tiny, file)), file);
    const manifest = readManifest(pulled.folder)!;
    assert.equal(manifest.files['onnx/model.onnx_data']!.verifiedBy, 'sha256');
    assert.equal(manifest.files['tokenizer_config.json']!.verifiedBy, 'git-sha1');
    assert.doesNotThrow(() => openModelFolder(pulled.folder, 'fp32'));
    const done = progress.filter((p) => p.state === 'done');
    assert.deepEqual(done.map((p) => `${p.index}/${p.count} ${p.file}`), files.map((file, i) => `${i + 1}/5 ${file}`));
    assert.ok(progress.some((p) => p.state === 'downloading' && p.file === 'onnx/model.onnx_data' && p.receivedBytes < p.totalBytes!));
  });

  it('a second pull fetches nothing; another dtype fetches only its own file', async () => {
    await pull(ID, 'fp32');
    hub.requests.length = 0;
    const again = await pull(ID, 'fp32');
    assert.equal(hub.requests.length, 0, 'nothing fetched');
    assert.ok(again.files.every((f) => f.verifiedBy === undefined));
    await pull(ID, 'q8');
    assert.deepEqual(
      hub.requests.filter((r) => r.server === 'hub').map((r) => r.path),
      [`/${ID}/resolve/main/onnx/model_quantized.onnx`],
    );
    assert.equal(installedState(path.join(modelsDirectory, 'test-org', 'tiny-qwen2'), 'q8').complete, true);
  });

  it('finds external data the graph names even when config.json does not declare it', async () => {
    const pulled = await pull(UNHINTED, 'fp32');
    assert.ok(pulled.files.some((f) => f.file === 'onnx/model.onnx_data'));
    assert.doesNotThrow(() => openModelFolder(pulled.folder, 'fp32'));
  });

  it('a dtype the repository does not publish is a 404 naming the file; what was fetched stays for later', async () => {
    await assert.rejects(pull(ID, 'q4'), (error: unknown) => error instanceof DownloadError && /tiny-qwen2 onnx\/model_q4\.onnx is not on the server \(HTTP 404/.test(error.message));
    assert.ok(fs.existsSync(path.join(modelsDirectory, 'test-org', 'tiny-qwen2', 'config.json')));
  });

  it('offline, a pull fetches nothing and says what is missing; of a complete model it succeeds', async () => {
    await assert.rejects(pull(ID, 'fp32', { offline: true }), (error: unknown) => error instanceof DownloadError && error.failure === 'offline' && /config\.json/.test(error.message));
    assert.equal(hub.requests.length, 0, 'nothing fetched');
    await pull(ID, 'fp32');
    hub.requests.length = 0;
    await pull(ID, 'fp32', { offline: true });
    assert.equal(hub.requests.length, 0, 'nothing fetched');
  });

  it('locateModel: a pulled model resolves to its folder; missing, partial and damaged ones are one clear error', async () => {
    const hubRef = { kind: 'hub' as const, id: ID };
    assert.throws(() => locateModel(hubRef, 'fp32', modelsDirectory), (error: unknown) => error instanceof ModelNotInstalledError && error.message === `Model ${ID} (fp32) is not downloaded`);
    hub.faults.set('onnx/model.onnx_data', { cutAfter: 1000 });
    await assert.rejects(pull(ID, 'fp32'));
    assert.throws(() => locateModel(hubRef, 'fp32', modelsDirectory), /is partly downloaded \(onnx\/model\.onnx_data unfinished\)/);
    await pull(ID, 'fp32');
    const folder = locateModel(hubRef, 'fp32', modelsDirectory);
    assert.equal(folder, path.join(modelsDirectory, 'test-org', 'tiny-qwen2'));
    assert.throws(() => locateModel(hubRef, 'q8', modelsDirectory), /Model test-org\/tiny-qwen2 \(q8\) is missing onnx\/model_quantized\.onnx in /);
    fs.truncateSync(path.join(folder, 'onnx', 'model.onnx_data'), 1000);
    assert.throws(() => locateModel(hubRef, 'fp32', modelsDirectory), /has damaged files in .* \(onnx\/model\.onnx_data: not the size that was downloaded\)/);
    assert.equal(locateModel({ kind: 'folder', folder: '/some/folder' }, 'fp32', modelsDirectory), '/some/folder');
  });

  it('listModels: the catalog with what is downloaded, then other downloaded models', async () => {
    await pull(ID, 'q8');
    const listed = listModels(modelsDirectory);
    assert.deepEqual(listed.slice(0, 3).map((m) => m.catalog?.role), ['default', 'smaller', 'larger']);
    assert.ok(listed.slice(0, 3).every((m) => m.downloaded.length === 0));
    const other = listed.find((m) => m.id === ID)!;
    assert.equal(other.catalog, undefined);
    assert.deepEqual(other.downloaded, [{ dtype: 'q8', complete: true, bytes: fs.statSync(path.join(tiny, 'onnx', 'model_quantized.onnx')).size }]);
  });
});
