import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompressionResult } from '../../../../src/core/compress/compressionResult';
import { repoRoot } from '../../../helpers/repoPaths';
import { runCliAsync } from '../../../helpers/runCliAsync';
import { tinyModelDir } from '../onnx/tinyModel';
import { FakeVllmServer } from '../../../helpers/fakeVllmServer';

const sample = path.join(repoRoot, 'examples', 'sample-project');
const question = 'How is the late-return fee calculated when a member returns a book after the due date?';

describe('longcodezip compress --scorer remote', () => {
  let server: FakeVllmServer;
  let root: string;
  before(async () => {
    server = await FakeVllmServer.start({ apiKey: 'team-secret' });
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-cli-remote-'));
  });
  after(async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const run = (args: string[], cache: string, extraEnv: NodeJS.ProcessEnv = {}) =>
    runCliAsync(['compress', '--query', question, '--budget', '1500', ...args], {
      cwd: sample,
      env: { ...process.env, LONGCODEZIP_CACHE_DIR: path.join(root, cache), LONGCODEZIP_API_KEY: 'team-secret', ...extraEnv },
    });
  const remoteFlags = () => ['--scorer', 'remote', '--endpoint', server.url, '--model', 'tiny-qwen2', '--tokenizer-dir', tinyModelDir];

  it('selects exactly what --scorer onnx selects with the same model, and says which server scored', async () => {
    const local = await run(['--scorer', 'onnx', '--model', tinyModelDir, '--dtype', 'fp32', '--device', 'cpu', '--json'], 'onnx');
    assert.equal(local.status, 0, local.stderr);
    const remote = await run([...remoteFlags(), '--json'], 'remote');
    assert.equal(remote.status, 0, remote.stderr);
    const [a, b] = [JSON.parse(local.stdout), JSON.parse(remote.stdout)] as CompressionResult[];
    const statuses = (result: CompressionResult) => result.files.flatMap((file) => file.chunks.map((chunk) => `${file.path}:${chunk.name}:${chunk.status}`));
    assert.deepEqual(statuses(b!), statuses(a!));
    assert.equal(b!.text, a!.text);
    assert.equal(b!.scorer.name, 'remote');
    assert.equal(b!.scorer.model, 'tiny-qwen2');
    assert.equal(b!.scorer.device, new URL(server.url).host);
    assert.match(remote.stderr, new RegExp(`remote scorer \\(tiny-qwen2, ${new URL(server.url).host.replace(/\./g, '\\.')}\\)`));
    assert.ok(server.completions.length > 0);
    assert.ok(server.completions.every((request) => request.headers.authorization === 'Bearer team-secret'), 'the key from LONGCODEZIP_API_KEY');
  });

  it('a second run over the same code answers from the score cache: nothing is sent', async () => {
    server.reset();
    const again = await run(remoteFlags(), 'remote');
    assert.equal(again.status, 0, again.stderr);
    assert.equal(server.completions.length, 0);
  });

  it('a refused key is one line naming the variable, exit 1', async () => {
    const refused = await run(remoteFlags(), 'refused', { LONGCODEZIP_API_KEY: 'wrong' });
    assert.equal(refused.status, 1);
    assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
    assert.match(refused.stderr, /refused the request \(401: Unauthorized\): set LONGCODEZIP_API_KEY/);
  });

  it('refuses a server that is not this machine without --allow-remote-host, before any work, naming the flag', async () => {
    const started = performance.now();
    const refused = await run(['--scorer', 'remote', '--endpoint', 'http://gpu-box.invalid:8000/v1', '--model', 'm', '--tokenizer-dir', tinyModelDir], 'far');
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /^longcodezip: --endpoint gpu-box\.invalid:8000 is not this machine: the code to compress would be sent there; add --allow-remote-host to allow it$/m);
    assert.ok(performance.now() - started < 10_000);
    // Allowed, it goes on to the server (which does not exist here): one line, exit 1.
    const allowed = await run(['--scorer', 'remote', '--endpoint', 'http://gpu-box.invalid:8000/v1', '--model', 'm', '--tokenizer-dir', tinyModelDir, '--allow-remote-host'], 'far');
    assert.equal(allowed.status, 1);
    assert.match(allowed.stderr, /^longcodezip: Cannot reach the scoring server at gpu-box\.invalid:8000 \(ENOTFOUND\)/m);
  });

  it('the remote flags are checked: each is needed, and none goes with another scorer', async () => {
    const cases: [string[], RegExp][] = [
      [['--scorer', 'remote', '--model', 'm', '--tokenizer-dir', tinyModelDir], /--scorer remote needs --endpoint URL/],
      [['--scorer', 'remote', '--endpoint', server.url, '--tokenizer-dir', tinyModelDir], /--scorer remote needs --model NAME/],
      [['--scorer', 'remote', '--endpoint', server.url, '--model', 'm'], /--scorer remote needs --tokenizer-dir DIR/],
      [['--endpoint', server.url], /--endpoint needs --scorer remote/],
      [[...remoteFlags(), '--dtype', 'q8'], /--dtype is for --scorer onnx/],
      [['--scorer', 'remote', '--endpoint', 'ftp://x', '--model', 'm', '--tokenizer-dir', tinyModelDir], /is not an http or https URL/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args, 'flags');
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
  });
});
