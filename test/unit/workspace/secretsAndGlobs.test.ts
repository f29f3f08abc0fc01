import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_EXCLUDES } from '../../../src/core/workspace/defaultExcludes';
import { compileGlobs } from '../../../src/core/workspace/globMatcher';
import { SECRET_FILE_PATTERNS, secretPatternOf } from '../../../src/core/workspace/secretFiles';

describe('secret files', () => {
  it('recognises the usual places credentials live, at any depth and in any letter case', () => {
    const secrets = [
      '.env',
      'app/.env.local',
      '.envrc',
      'certs/server.pem',
      'tls/server.key',
      'keys/AuthKey_ABC.p8',
      'store.p12',
      'store.pfx',
      'putty.ppk',
      'android/release.keystore',
      'java/trust.jks',
      'home/.ssh/id_rsa',
      'home/.ssh/id_rsa.pub',
      '.ssh/id_dsa',
      '.ssh/id_ecdsa',
      '.ssh/ID_ED25519',
      '.npmrc',
      '.yarnrc.yml',
      '.pypirc',
      '.netrc',
      '_netrc',
      '.pgpass',
      'site/.htpasswd',
      '.git-credentials',
      '.aws/credentials',
      'gcloud/credentials.json',
      'home/.docker/config.json',
      '.kube/config',
      'infra/terraform.tfstate',
      'infra/terraform.tfstate.backup',
    ];
    for (const secret of secrets) assert.ok(secretPatternOf(secret), secret);
  });

  it('leaves ordinary files alone', () => {
    for (const file of ['src/env.ts', 'environment.md', 'keyboard.py', 'src/key.ts', 'docs/credentials.md', 'config.json', 'kube/config', '.docker/daemon.json', 'pem.go']) {
      assert.equal(secretPatternOf(file), undefined, file);
    }
  });

  it('names the pattern that matched, from one exported list', () => {
    assert.equal(secretPatternOf('a/b/.env.test'), '.env*');
    assert.ok(SECRET_FILE_PATTERNS.includes('*.pem'));
  });
});

describe('exclude globs', () => {
  it('match a name at any depth without a slash, the whole relative path with one', () => {
    const match = compileGlobs(['*.min.js', 'node_modules', 'src/gen/**', './out/', '/dist', '**/fixtures/*.json'], { caseSensitive: true });
    assert.equal(match('a/b/app.min.js'), '*.min.js');
    assert.equal(match('pkg/node_modules'), 'node_modules');
    assert.equal(match('src/gen'), 'src/gen/**');
    assert.equal(match('src/gen/a/b.ts'), 'src/gen/**');
    assert.equal(match('lib/src/gen/a.ts'), undefined);
    assert.equal(match('out'), './out/');
    assert.equal(match('dist'), '/dist', 'a leading slash anchors to the root');
    assert.equal(match('web/dist'), undefined);
    assert.equal(match('test/fixtures/a.json'), '**/fixtures/*.json');
    assert.equal(match('.hidden/app.min.js'), '*.min.js');
    assert.equal(match('src/app.ts'), undefined);
  });

  it('can ignore letter case, and an empty list matches nothing', () => {
    assert.equal(compileGlobs(['*.LOG'], { caseSensitive: false })('a/b.log'), '*.LOG');
    assert.equal(compileGlobs(['*.LOG'], { caseSensitive: true })('a/b.log'), undefined);
    assert.equal(compileGlobs([], { caseSensitive: true })('anything'), undefined);
  });

  it('default excludes leave out dependencies and lock files', () => {
    const match = compileGlobs(DEFAULT_EXCLUDES, { caseSensitive: true });
    for (const left of ['node_modules', 'web/node_modules', 'package-lock.json', 'rust/Cargo.lock', 'go.sum', 'dist/app.js.map', 'x/__pycache__']) {
      assert.ok(match(left), left);
    }
    assert.equal(match('src/lock.ts'), undefined);
  });
});
