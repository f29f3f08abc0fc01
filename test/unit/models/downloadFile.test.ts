import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { DownloadError } from '../../../src/core/models/download/downloadError';
import { downloadFile, type ByteProgress } from '../../../src/core/models/download/downloadFile';
import { hubFileUrl } from '../../../src/core/models/download/hubEndpoint';
import { FakeHub } from '../../helpers/fakeHub';
import { repoRoot } from '../../helpers/repoPaths';

const tiny = path.join(repoRoot, 'test', 'fixtures', 'models', 'tiny-qwen2');
const ID = 'test-org/tiny-qwen2';
const DATA = 'onnx/model.onnx_data';

describe('downloadFile against a local hub', () => {
  let hub: FakeHub;
  let dir: string;
  before(async () => {
    hub = await new FakeHub({ [ID]: tiny }).start();
  });
  after(() => hub.close());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-download-'));
    hub.requests.length = 0;
    hub.faults.clear();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const download = (file: string, options: { signal?: AbortSignal; idleTimeoutMs?: number; onProgress?: (p: ByteProgress) => void } = {}) =>
    downloadFile({ url: hubFileUrl(hub.endpoint, ID, 'main', file), destination: path.join(dir, file), label: `${ID} ${file}`, ...options });
  const expected = (file: string) => fs.readFileSync(path.join(tiny, file));
  const rejectsWith = async (promise: Promise<unknown>, failure: DownloadError['failure'], message: RegExp) => {
    const error = await promise.then(
      () => assert.fail('the download should have failed'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof DownloadError, String(error));
    assert.equal(error.failure, failure, error.message);
    assert.match(error.message, message);
  };

  it('follows the hub redirect to another server, checks the sha256 it announced, and reports bytes as they arrive', async () => {
    const progress: ByteProgress[] = [];
    const result = await download(DATA, { onProgress: (p) => progress.push(p) });
    assert.deepEqual(fs.readFileSync(path.join(dir, DATA)), expected(DATA));
    assert.equal(result.verifiedBy, 'sha256');
    assert.equal(result.bytes, expected(DATA).length);
    assert.deepEqual(hub.requestsFor(DATA).map((r) => r.server), ['hub', 'cdn'], 'a redirect to the second server');
    assert.ok(progress.length > 2, `${progress.length} progress events`);
    assert.ok(progress.every((p, i) => p.totalBytes === expected(DATA).length && (i === 0 || p.receivedBytes >= progress[i - 1]!.receivedBytes)));
    assert.equal(progress.at(-1)!.receivedBytes, expected(DATA).length);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'onnx')), ['model.onnx_data'], 'no .part left behind');
  });

  it('checks a small file served directly against its git blob id', async () => {
    const result = await download('config.json');
    assert.equal(result.verifiedBy, 'git-sha1');
    assert.deepEqual(fs.readFileSync(path.join(dir, 'config.json')), expected('config.json'));
    assert.equal(result.commit, '0123456789abcdef0123456789abcdef01234567');
  });

  it('an interrupted download leaves a .part that the next run resumes with a Range request', async () => {
    hub.faults.set(DATA, { cutAfter: 300_000 });
    await rejectsWith(download(DATA), 'interrupted', /connection to 127\.0\.0\.1:\d+ broke after 300 KB of 917\.5 KB; pull again to resume/);
    assert.equal(fs.existsSync(path.join(dir, DATA)), false, 'nothing installed');
    assert.equal(fs.statSync(path.join(dir, `${DATA}.part`)).size, 300_000);

    hub.requests.length = 0;
    const progress: ByteProgress[] = [];
    const result = await download(DATA, { onProgress: (p) => progress.push(p) });
    assert.equal(result.resumedFromBytes, 300_000);
    assert.equal(progress[0]!.receivedBytes, 300_000);
    assert.deepEqual(hub.requestsFor(DATA).map((r) => [r.server, r.range]), [['hub', 'bytes=300000-'], ['cdn', 'bytes=300000-']]);
    assert.deepEqual(fs.readFileSync(path.join(dir, DATA)), expected(DATA), 'the resumed file is byte for byte the original');
    assert.equal(fs.existsSync(path.join(dir, `${DATA}.part`)), false);
  });

  it('a corrupted byte fails the sha256 check: a clear error, nothing installed, the bad bytes deleted', async () => {
    hub.faults.set(DATA, { corruptAt: 123_456 });
    await rejectsWith(download(DATA), 'verification', /does not match the server's sha256 \(expected [0-9a-f]{64}, got [0-9a-f]{64}\); it was deleted, pull again/);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'onnx')), []);
  });

  it('a small file with a corrupted byte fails its git blob id check', async () => {
    hub.faults.set('config.json', { corruptAt: 10 });
    await rejectsWith(download('config.json'), 'verification', /git-sha1/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('a file the hub does not have is a 404 naming it', async () => {
    await rejectsWith(download('onnx/model_q4.onnx'), 'not-found', /^test-org\/tiny-qwen2 onnx\/model_q4\.onnx is not on the server \(HTTP 404 from 127\.0\.0\.1:\d+\)$/);
    assert.equal(fs.existsSync(path.join(dir, 'onnx', 'model_q4.onnx')), false);
  });

  it('a server error is one line with its status', async () => {
    hub.faults.set('config.json', { status: 503 });
    await rejectsWith(download('config.json'), 'http', /answered HTTP 503; try again later$/);
  });

  it('a server that never answers times out', async () => {
    hub.faults.set(DATA, { hang: true });
    const started = performance.now();
    await rejectsWith(download(DATA, { idleTimeoutMs: 300 }), 'timeout', /did not answer within 300 ms/);
    assert.ok(performance.now() - started < 5_000);
  });

  it('a server that stops sending mid-file times out, and the bytes so far are resumed', async () => {
    hub.faults.set(DATA, { stallAfter: 200_000 });
    await rejectsWith(download(DATA, { idleTimeoutMs: 300 }), 'timeout', /sent nothing for 300 ms after 200 KB of 917\.5 KB; pull again to resume/);
    const result = await download(DATA);
    assert.equal(result.resumedFromBytes, 200_000);
    assert.deepEqual(fs.readFileSync(path.join(dir, DATA)), expected(DATA));
  });

  it('cancelling keeps the bytes so far for the next run', async () => {
    hub.faults.set(DATA, { stallAfter: 100_000 });
    const controller = new AbortController();
    const cancelled = download(DATA, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.receivedBytes >= 100_000) controller.abort();
      },
    });
    await rejectsWith(cancelled, 'cancelled', /cancelled after 100 KB of 917\.5 KB; pull again to resume/);
    assert.equal(fs.existsSync(path.join(dir, DATA)), false);
    const result = await download(DATA);
    assert.equal(result.resumedFromBytes, 100_000, 'every byte reported before the cancel is kept');
    assert.deepEqual(fs.readFileSync(path.join(dir, DATA)), expected(DATA));
  });

  it('a .part of another version of the file is not spliced in: the download starts over', async () => {
    fs.mkdirSync(path.join(dir, 'onnx'));
    fs.writeFileSync(path.join(dir, `${DATA}.part`), Buffer.alloc(50_000, 7));
    fs.writeFileSync(path.join(dir, `${DATA}.part.json`), JSON.stringify({ etag: 'f'.repeat(64), size: expected(DATA).length }));
    const result = await download(DATA);
    assert.equal(result.resumedFromBytes, 0);
    assert.deepEqual(fs.readFileSync(path.join(dir, DATA)), expected(DATA));
  });

  it('a .part that already holds the whole file (a run stopped before the rename) is checked and installed', async () => {
    fs.mkdirSync(path.join(dir, 'onnx'));
    fs.writeFileSync(path.join(dir, `${DATA}.part`), expected(DATA));
    const sha256 = createHash('sha256').update(expected(DATA)).digest('hex');
    fs.writeFileSync(path.join(dir, `${DATA}.part.json`), JSON.stringify({ etag: sha256, size: expected(DATA).length }));
    const result = await download(DATA);
    assert.equal(result.resumedFromBytes, expected(DATA).length);
    assert.equal(result.verifiedBy, 'sha256');
    assert.deepEqual(fs.readFileSync(path.join(dir, DATA)), expected(DATA));
  });

  it('a .part without its record (from an unknown version) is discarded, not resumed', async () => {
    fs.mkdirSync(path.join(dir, 'onnx'));
    fs.writeFileSync(path.join(dir, `${DATA}.part`), Buffer.alloc(50_000, 7));
    const result = await download(DATA);
    assert.equal(result.resumedFromBytes, 0);
    assert.equal(hub.requestsFor(DATA)[0]!.range, undefined);
    assert.deepEqual(fs.readFileSync(path.join(dir, DATA)), expected(DATA));
  });
});
