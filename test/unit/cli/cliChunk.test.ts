import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FileChunks } from '../../../src/core/chunking/chunk';
import { runCliProcess } from '../../helpers/runCliProcess';

describe('longcodezip chunk', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-cli-chunk-'));
    fs.mkdirSync(path.join(root, 'pkg'));
    fs.writeFileSync(path.join(root, 'pkg', 'cart.py'), 'import math\n\n\nclass Cart:\n    def total(self):\n        return math.fsum(self.items)\n');
    fs.writeFileSync(path.join(root, 'pkg', 'id_rsa'), '-----BEGIN OPENSSH PRIVATE KEY-----\n');
    fs.writeFileSync(path.join(root, 'pkg', 'skip_me.py'), 'def hidden():\n    pass\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('prints one line per chunk with lines, kind, tokens and qualified name, then the skipped files', () => {
    const run = runCliProcess(['chunk', 'pkg', '--exclude', 'pkg/skip_*'], { cwd: root });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^pkg\/cart\.py \(python, 3 chunks\)$/m);
    assert.match(run.stdout, /^\s+5-6 {2}method\s+\d+ tok {2}Cart\.total$/m);
    assert.match(run.stdout, /^skipped pkg\/id_rsa: secret, /m);
    assert.doesNotMatch(run.stdout, /skip_me/);
    assert.match(run.stdout, /^1 files, 6 lines, 3 chunks, 1 skipped, in \d+ ms$/m);
  });

  it('--json gives the chunks with their text, which join back into the file', () => {
    const run = runCliProcess(['chunk', '--json', path.join(root, 'pkg', 'cart.py')], { cwd: root });
    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(run.stdout) as { root: string; files: FileChunks[] };
    assert.equal(output.root, root);
    const [cart] = output.files;
    assert.equal(cart!.chunks.map((c) => c.text).join(''), fs.readFileSync(path.join(root, 'pkg', 'cart.py'), 'utf8'));
    assert.deepEqual(
      cart!.chunks.map((c) => [c.kind, c.name ?? null, c.parent ?? null]),
      [
        ['glue', null, null],
        ['container-header', 'Cart', null],
        ['method', 'total', 'Cart'],
      ],
    );
  });

  it('a bad --format is a usage error (exit 2)', () => {
    const run = runCliProcess(['chunk', '--format', 'xml'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--format must be text or json, not 'xml'/);
  });

  it('--help explains the command', () => {
    const run = runCliProcess(['chunk', '--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^longcodezip chunk \[PATH\.\.\.\]/);
  });
});
