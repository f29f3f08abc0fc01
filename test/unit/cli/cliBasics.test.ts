import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../helpers/repoPaths';
import { runCliProcess } from '../../helpers/runCliProcess';

const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

describe('longcodezip command line', () => {
  it('--version prints the package version and exits 0', () => {
    const run = runCliProcess(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
    assert.equal(run.stderr, '');
  });

  it('--help prints usage with the exit statuses and exits 0', () => {
    const run = runCliProcess(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^longcodezip \d+\.\d+\.\d+/);
    assert.match(run.stdout, /--version/);
    assert.match(run.stdout, /Exit status: 0 on success, 2 on a usage error, 1 on any other error/);
  });

  it('an unknown option is a usage error: exit 2, one clear message, no stack trace', () => {
    const run = runCliProcess(['--budjet', '100']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^longcodezip: unknown option '--budjet'\nTry 'longcodezip --help'\.\n$/);
  });

  it('an unknown command is a usage error', () => {
    const run = runCliProcess(['compres']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown command 'compres'/);
    assert.doesNotMatch(run.stderr, /\bat .*\.js:\d+/);
  });

  it('is declared as the package bin and starts with a node shebang', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const cli = path.join(repoRoot, pkg.bin.longcodezip);
    assert.ok(fs.readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'));
    assert.ok(fs.statSync(cli).mode & 0o100, 'dist/cli.js is executable');
  });
});
