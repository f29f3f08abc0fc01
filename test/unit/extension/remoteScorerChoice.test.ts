import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompletionsClient } from '../../../src/core/scoring/remote/completionsClient';
import { parseEndpoint } from '../../../src/core/scoring/remote/remoteEndpoint';
import type { RemoteScorer, RemoteScorerOptions } from '../../../src/core/scoring/remote/remoteScorer';
import { RemoteScorerError } from '../../../src/core/scoring/remote/remoteScorerError';
import { RemoteScorerKeeper } from '../../../src/extension/remote/openRemoteScorer';
import { remoteErrorActions, remoteSettingActions, type RemoteErrorAction } from '../../../src/extension/remote/remoteErrorActions';
import { chooseScorer, ScorerSettingError, type ScorerSettings } from '../../../src/extension/settings/scorerChoice';
import { statusLabel } from '../../../src/extension/status/statusLabel';
import { fixturesDir, repoRoot } from '../../helpers/repoPaths';

const tokenizerFolder = path.join(fixturesDir, 'models', 'tiny-qwen2');

function settings(remote: Partial<ScorerSettings['remote']>, scorer = 'remote'): ScorerSettings {
  return {
    scorer,
    modelPath: '',
    dtype: 'q8',
    device: 'auto',
    memoryLimitMB: 4096,
    remote: { endpoint: 'http://127.0.0.1:8000/v1', model: 'qwen2.5-coder-7b', tokenizerPath: tokenizerFolder, ...remote },
  };
}

/** The setting a ScorerSettingError names, and its message. */
function settingProblem(run: () => unknown): { setting: string; message: string } {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ScorerSettingError, `not a ScorerSettingError: ${String(error)}`);
    return { setting: error.setting, message: error.message };
  }
  assert.fail('no error');
}

const labels = (actions: readonly RemoteErrorAction[]) => actions.map((action) => action.label);

describe('choosing the remote scorer from the settings', () => {
  it('complete settings: the server, the model and the tokenizer folder, nothing sent yet', () => {
    const choice = chooseScorer(settings({ endpoint: ' http://127.0.0.1:8000 ', model: ' qwen2.5-coder-7b ' }), true);
    assert.equal(choice.kind, 'remote');
    assert.ok(choice.kind === 'remote');
    assert.equal(choice.endpoint.baseUrl, 'http://127.0.0.1:8000/v1', 'a bare origin gets /v1, as vLLM serves it');
    assert.equal(choice.endpoint.host, '127.0.0.1:8000');
    assert.equal(choice.endpoint.loopback, true);
    assert.equal(choice.model, 'qwen2.5-coder-7b');
    assert.equal(choice.tokenizerFolder, tokenizerFolder);
  });

  it('a server that is not this machine is marked so (the extension asks before sending there)', () => {
    const choice = chooseScorer(settings({ endpoint: 'https://gpu-box.example.com:8443/v1' }), true);
    assert.ok(choice.kind === 'remote');
    assert.equal(choice.endpoint.loopback, false);
    assert.equal(choice.endpoint.host, 'gpu-box.example.com:8443');
  });

  it('an untrusted folder runs the n-gram scorer and says the remote settings are ignored', () => {
    const choice = chooseScorer(settings({}), false);
    assert.deepEqual(choice, { kind: 'ngram', note: "this folder is not trusted, so only the n-gram scorer runs (the remote scorer's settings are ignored)" });
  });

  it('"auto" never sends code to a server, even with the remote settings filled in', () => {
    assert.deepEqual(chooseScorer(settings({}, 'auto'), true), { kind: 'ngram' });
  });

  it('each missing or wrong setting stops the compression with one sentence naming that setting', () => {
    const cases: [Partial<ScorerSettings['remote']>, string, RegExp][] = [
      [{ endpoint: '  ' }, 'longcodezip.remote.endpoint', /longcodezip\.remote\.endpoint is empty: set it to the server's OpenAI base URL/],
      [{ endpoint: 'gpu-box:8000' }, 'longcodezip.remote.endpoint', /^longcodezip\.remote\.endpoint: .*not an http or https URL/],
      [{ endpoint: 'http://user:secret@gpu-box:8000/v1' }, 'longcodezip.remote.endpoint', /user name or password/],
      [{ model: '' }, 'longcodezip.remote.model', /longcodezip\.remote\.model is empty: set it to the model's name on the server/],
      [{ tokenizerPath: '' }, 'longcodezip.remote.tokenizerPath', /longcodezip\.remote\.tokenizerPath is empty/],
      [{ tokenizerPath: 'models/qwen' }, 'longcodezip.remote.tokenizerPath', /models\/qwen is not an absolute path/],
      [{ tokenizerPath: path.join(fixturesDir, 'no-such-folder') }, 'longcodezip.remote.tokenizerPath', /there is no folder .*no-such-folder/],
      [{ tokenizerPath: path.join(tokenizerFolder, 'onnx') }, 'longcodezip.remote.tokenizerPath', /tokenizer folder .*onnx has no tokenizer\.json/],
    ];
    for (const [remote, setting, message] of cases) {
      const problem = settingProblem(() => chooseScorer(settings(remote), true));
      assert.equal(problem.setting, setting, JSON.stringify(remote));
      assert.match(problem.message, message);
      assert.deepEqual(labels(remoteSettingActions(problem.setting)), ['Open Settings', 'Choose Scorer…']);
    }
  });
});

describe('what a remote scorer failure offers', () => {
  let refusing: http.Server;
  let refusingUrl: string;
  let closedUrl: string;

  before(async () => {
    refusing = http.createServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'Unauthorized' } }));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/v1`;
    // A port nobody listens on any more.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/v1`;
    await new Promise((resolve) => closed.close(resolve));
  });

  after(() => new Promise((resolve) => refusing.close(resolve)));

  const failureOf = async (url: string): Promise<RemoteScorerError> => {
    const client = new CompletionsClient({ endpoint: parseEndpoint(url), apiKey: 'wrong', apiKeyHint: 'set its key with "LongCodeZip: Set Remote Scorer API Key…"', retries: 0 });
    const error = await client.get('/models').then(
      () => assert.fail('no error'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof RemoteScorerError);
    return error;
  };

  it('a refused key (401): Set API Key…, which runs the key command the extension contributes', async () => {
    const error = await failureOf(refusingUrl);
    assert.match(error.message, /refused the request \(401: Unauthorized\): set its key with "LongCodeZip: Set Remote Scorer API Key…"/);
    const actions = remoteErrorActions(error.fix);
    assert.deepEqual(labels(actions), ['Set API Key…', 'Open Settings']);
    assert.deepEqual(actions[0], { label: 'Set API Key…', kind: 'command', command: 'longcodezip.setRemoteApiKey' });
  });

  it('a server that does not answer: Open Settings at the endpoint, and the log', async () => {
    const error = await failureOf(closedUrl);
    assert.match(error.message, /Cannot reach the scoring server at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    assert.deepEqual(remoteErrorActions(error.fix), [
      { label: 'Open Settings', kind: 'openSettings', setting: 'longcodezip.remote.endpoint' },
      { label: 'Show Log', kind: 'showLog' },
    ]);
  });

  it('a consent refused: choose another scorer; a busy server: the log', () => {
    assert.deepEqual(labels(remoteErrorActions('hostConsent')), ['Choose Scorer…']);
    assert.deepEqual(labels(remoteErrorActions(undefined)), ['Show Log', 'Open Settings']);
    assert.deepEqual(remoteErrorActions('tokenizerFolder'), [{ label: 'Open Settings', kind: 'openSettings', setting: 'longcodezip.remote.tokenizerPath' }]);
  });

  it('every command and setting the actions name is contributed in package.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[]; configuration: { properties: Record<string, unknown> } };
    };
    const commands = new Set(manifest.contributes.commands.map((entry) => entry.command));
    const settingKeys = Object.keys(manifest.contributes.configuration.properties);
    const fixes = ['apiKey', 'endpoint', 'model', 'tokenizerFolder', 'hostConsent', undefined] as const;
    const actions = [...fixes.flatMap((fix) => remoteErrorActions(fix)), ...remoteSettingActions('longcodezip.remote.model')];
    for (const action of actions) {
      if (action.kind === 'command') assert.ok(commands.has(action.command), action.command);
      if (action.kind === 'openSettings') assert.ok(settingKeys.some((key) => key === action.setting || key.startsWith(`${action.setting}.`)), action.setting);
    }
  });
});

describe('the remote settings in package.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
    contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, { enum?: string[]; default?: unknown; type?: string }> } };
  };
  const properties = manifest.contributes.configuration.properties;

  it('"remote" is a scorer; its three settings are strings, empty by default, and ignored in untrusted folders', () => {
    assert.ok(properties['longcodezip.scorer']?.enum?.includes('remote'));
    for (const key of ['longcodezip.remote.endpoint', 'longcodezip.remote.model', 'longcodezip.remote.tokenizerPath']) {
      assert.equal(properties[key]?.type, 'string', key);
      assert.equal(properties[key]?.default, '', key);
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), `${key} is not restricted`);
    }
  });

  it('the key commands are in the palette under their titles', () => {
    const titles = new Map(manifest.contributes.commands.map((entry) => [entry.command, entry.title]));
    assert.equal(titles.get('longcodezip.setRemoteApiKey'), 'Set Remote Scorer API Key…');
    assert.equal(titles.get('longcodezip.clearRemoteApiKey'), 'Clear Remote Scorer API Key');
  });
});

describe('the remote scorer kept between compressions', () => {
  const options = (apiKey?: string): RemoteScorerOptions => ({ endpoint: parseEndpoint('http://127.0.0.1:8000/v1'), model: 'm', tokenizerFolder, apiKey, hostAllowed: true });

  it('opened once for the same server, model, tokenizer and key; opened again when the key changes', async () => {
    const opened: string[] = [];
    const disposed: string[] = [];
    const keeper = new RemoteScorerKeeper(async (open) => {
      opened.push(open.apiKey ?? '-');
      return { dispose: () => disposed.push(open.apiKey ?? '-') } as unknown as RemoteScorer;
    });
    const first = await keeper.scorer(options());
    assert.equal(await keeper.scorer(options()), first);
    assert.deepEqual(opened, ['-']);
    await keeper.scorer(options('team-key'));
    assert.deepEqual(opened, ['-', 'team-key']);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(disposed, ['-'], 'the scorer of the old key is let go');
  });

  it('a failed open is not kept: the next compression tries again', async () => {
    let attempts = 0;
    const keeper = new RemoteScorerKeeper(async () => {
      attempts += 1;
      if (attempts === 1) throw new RemoteScorerError('Cannot reach the scoring server', 'endpoint');
      return { dispose: () => undefined } as unknown as RemoteScorer;
    });
    await assert.rejects(keeper.scorer(options()), /Cannot reach/);
    await keeper.scorer(options());
    assert.equal(attempts, 2);
  });

  it('the tokenizer files are part of what is kept: a changed tokenizer.json opens a new scorer', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-remote-tok-'));
    try {
      for (const file of ['tokenizer.json', 'tokenizer_config.json']) fs.copyFileSync(path.join(tokenizerFolder, file), path.join(folder, file));
      let opened = 0;
      const keeper = new RemoteScorerKeeper(async () => {
        opened += 1;
        return { dispose: () => undefined } as unknown as RemoteScorer;
      });
      await keeper.scorer({ ...options(), tokenizerFolder: folder });
      fs.appendFileSync(path.join(folder, 'tokenizer.json'), '\n');
      await keeper.scorer({ ...options(), tokenizerFolder: folder });
      assert.equal(opened, 2);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the status bar with the remote scorer', () => {
  it('before a compression: the model and the server as set; after one: as it ran', () => {
    assert.equal(statusLabel({ scorer: { kind: 'remote', model: 'qwen2.5-coder-7b', host: 'gpu-box:8000' }, running: false }).text, '$(fold) qwen2.5-coder-7b · gpu-box:8000');
    const ran = statusLabel({
      scorer: { kind: 'ran', scorer: { name: 'remote', model: 'tiny-qwen2', device: '127.0.0.1:8000', dtype: 'as served', threads: 4 }, untrusted: false },
      running: false,
    });
    assert.match(ran.text, /^\$\(fold\) tiny-qwen2 · 127\.0\.0\.1:8000/);
    assert.match(ran.tooltip, /scorer: remote, model tiny-qwen2 on the server at 127\.0\.0\.1:8000, up to 4 requests at once/);
  });
});
