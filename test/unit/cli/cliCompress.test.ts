import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompressionResult } from '../../../src/core/compress/compressionResult';
import { countTokens } from '../../../src/core/tokens/countTokens';
import { newSyntaxErrors, pythonCompileErrors, renderedSections } from '../../helpers/reparse';
import { repoRoot } from '../../helpers/repoPaths';
import { runCliProcess } from '../../helpers/runCliProcess';

const sample = path.join(repoRoot, 'examples', 'sample-project');
const question = 'How is the late-return fee calculated when a member returns a book after the due date?';

describe('longcodezip compress', () => {
  let cacheDir: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-cli-compress-'));
    env = { ...process.env, LONGCODEZIP_CACHE_DIR: cacheDir };
  });
  after(() => fs.rmSync(cacheDir, { recursive: true, force: true }));
  const run = (args: string[]) => runCliProcess(['compress', ...args], { cwd: sample, env });

  it('keeps the function that answers the question, within the budget, and says what it did on stderr', () => {
    const result = run(['--query', question, '--budget', '1500']);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(countTokens(result.stdout) <= 1500, `${countTokens(result.stdout)} tokens`);
    assert.match(result.stdout, /^# File: shelfwise\/fees\.py$/m);
    assert.match(result.stdout, /def compute_late_fee\(/);
    assert.match(result.stdout, /LATE_FEE_GRACE_DAYS/);
    assert.match(result.stdout, /# \.\.\. \d+ lines? omitted/);
    assert.match(result.stderr, /^longcodezip: [\d,]+ -> [\d,]+ tokens \([\d.]+x, budget 1,500\); \d+ of \d+ chunks kept; ngram scorer/m);
  });

  it('--json is the full report: every chunk with its status, ranks and tokens, and the totals', () => {
    const result = run(['--query', question, '--budget', '1200', '--json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as CompressionResult;
    assert.equal(report.mode, 'question');
    assert.ok(report.totals.compressedTokens <= 1200);
    assert.equal(report.totals.compressedTokens, countTokens(report.text));
    assert.ok(report.totals.originalTokens > 15_000);
    const needle = report.files.flatMap((f) => f.chunks).find((c) => c.name === 'compute_late_fee')!;
    assert.ok(needle.status === 'kept' || needle.status === 'partial', needle.status);
    assert.ok(needle.components.ami && needle.components.bm25, 'both ranking components are reported');
    assert.ok(report.skipped.length === 0 || report.skipped.every((s) => s.reason));
    for (const file of report.files) assert.ok(file.keptTokens <= file.tokens);
  });

  it('keeps the syntax of its input at several budgets: no new parse errors, and the Python compiles', async () => {
    for (const budget of ['600', '1500', '4000']) {
      const result = run(['--query', question, '--budget', budget, '--json']);
      assert.equal(result.status, 0, result.stderr);
      const report = JSON.parse(result.stdout) as CompressionResult;
      const files = report.files.map((file) => ({
        path: file.path,
        language: file.language,
        text: fs.readFileSync(path.join(sample, file.path), 'utf8'),
      }));
      assert.deepEqual(await newSyntaxErrors(report.text, files, 'text'), [], `budget ${budget}`);
      const python = renderedSections(report.text, files, 'text').filter((s) => s.language === 'python');
      assert.ok(python.length > 0);
      assert.deepEqual(pythonCompileErrors(python.map((s) => s.code)).filter(Boolean), [], `budget ${budget}`);
    }
  });

  it('completion at a cursor: the code before the cursor comes last, verbatim, and the rest of the function is not context', () => {
    const fees = fs.readFileSync(path.join(sample, 'shelfwise', 'fees.py'), 'utf8').split('\n');
    const line = fees.findIndex((l) => l.startsWith('def compute_late_fee')) + 4;
    const result = run(['--cursor', `shelfwise/fees.py:${line}`, '--budget', '800']);
    assert.equal(result.status, 0, result.stderr);
    const prefix = fees.slice(fees.findIndex((l) => l.startsWith('def compute_late_fee')), line - 1).join('\n');
    assert.ok(result.stdout.trimEnd().endsWith(prefix.trimEnd()), 'the prefix is last');
    assert.equal(result.stdout.split('def compute_late_fee').length, 2, 'the current function appears once, as the prefix');
    assert.ok(countTokens(result.stdout) <= 800);
  });

  it('completion: a function the code before the cursor calls is kept and says which evidence kept it; --structure off drops that list', () => {
    const fees = fs.readFileSync(path.join(sample, 'shelfwise', 'fees.py'), 'utf8').split('\n');
    const line = fees.findIndex((l) => l.includes('chargeable_days = max(0, open_days_late')) + 1;
    const on = JSON.parse(run(['--cursor', `shelfwise/fees.py:${line}`, '--budget', '800', '--json']).stdout) as CompressionResult;
    const chunks = on.files.flatMap((f) => f.chunks);
    const callee = chunks.find((c) => c.name === 'count_open_days')!;
    assert.notEqual(callee.status, 'dropped');
    assert.equal(callee.evidence?.[0], 'imported');
    assert.ok(callee.components.structure, 'the structure list ranks it');

    const off = JSON.parse(run(['--cursor', `shelfwise/fees.py:${line}`, '--budget', '800', '--structure', 'off', '--json']).stdout) as CompressionResult;
    assert.equal(off.parameters.structure, 'off');
    assert.ok(off.files.flatMap((f) => f.chunks).every((c) => c.evidence === undefined && c.components.structure === undefined));
  });

  it('pins keep a definition whole and are spent first; pins over the budget are a usage error', () => {
    const pinned = run(['--query', question, '--budget', '700', '--pin', 'shelfwise/storage.py:Repository.overdue_loans', '--json']);
    assert.equal(pinned.status, 0, pinned.stderr);
    const report = JSON.parse(pinned.stdout) as CompressionResult;
    const overdue = report.files.flatMap((f) => f.chunks).find((c) => c.name === 'overdue_loans')!;
    assert.equal(overdue.status, 'pinned');
    assert.equal(overdue.keptTokens, overdue.tokens, 'a pin is kept whole');
    assert.match(report.text, /class Repository:[\s\S]*def overdue_loans\(/, 'its class header comes with it');
    assert.ok(report.totals.compressedTokens <= 700);
    const tooMuch = run(['--query', question, '--budget', '100', '--pin', 'shelfwise/storage.py']);
    assert.equal(tooMuch.status, 2);
    assert.match(tooMuch.stderr, /^longcodezip: The budget of 100 tokens is below the \d+ tokens of the pinned code; raise --budget\./m);
  });

  it('usage mistakes exit 2 with one clear line, never a stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['--budget', '100'], /give exactly one of --query, --query-file and --cursor/],
      [['--query', '   '], /the query is empty/],
      [['--query', 'x', '--budget', 'ten'], /--budget must be a number at least 1, not 'ten'/],
      [['--query', 'x', '--rate', '2'], /--rate must be a number above 0 and at most 1/],
      [['--query', 'x', '--ranking', 'best'], /--ranking must be auto, fused or ami/],
      [['--cursor', 'nowhere.py:3'], /--cursor nowhere\.py: the file is not in the context/],
      [['--cursor', 'shelfwise/fees.py:99999'], /--cursor line 99999 is outside shelfwise\/fees\.py/],
      [['--query', 'x', '--structure', 'on'], /--structure needs --cursor/],
      [['--cursor', 'shelfwise/fees.py:3', '--structure', 'maybe'], /--structure must be on or off, not 'maybe'/],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('the neural scorer: --scorer onnx with a model folder compresses within the budget and says which model ran', () => {
    const model = path.join(repoRoot, 'test', 'fixtures', 'models', 'tiny-qwen2');
    const result = run(['--query', question, '--budget', '1000', '--scorer', 'onnx', '--model', model, '--dtype', 'fp32', '--device', 'cpu', '--json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as CompressionResult;
    assert.equal(report.scorer.name, 'onnx');
    assert.equal(report.scorer.model, 'tiny-qwen2');
    assert.ok(report.totals.compressedTokens <= 1000);
    assert.ok(report.notes.some((note) => /window/.test(note)), 'chunks longer than the tiny window are reported');
    assert.match(result.stderr, /onnx scorer \(tiny-qwen2, cpu, fp32, \d+ threads\)/);
  });

  it('a missing or broken model is one clear line and exit 1; onnx flags without onnx are usage errors', () => {
    const missing = run(['--query', question, '--scorer', 'onnx', '--model', 'no-such-model']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^longcodezip: Model folder \S+no-such-model does not exist: download the model, or point the model setting at its folder\.\n$/);
    const flags = run(['--query', question, '--dtype', 'fp32']);
    assert.equal(flags.status, 2);
    assert.match(flags.stderr, /--dtype needs --scorer onnx/);
  });

  it('--rate sets the budget from the context size, and the same request gives the same output', () => {
    const first = run(['--query', question, '--rate', '0.1', '--json']);
    assert.equal(first.status, 0, first.stderr);
    const report = JSON.parse(first.stdout) as CompressionResult;
    assert.equal(report.parameters.budget, Math.floor(0.1 * report.totals.originalTokens));
    const again = run(['--query', question, '--rate', '0.1', '--json']);
    assert.equal((JSON.parse(again.stdout) as CompressionResult).text, report.text);
  });
});
