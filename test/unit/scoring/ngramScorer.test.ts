import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { amiScores, perplexity } from '../../../src/core/scoring/ami';
import { NgramScorer } from '../../../src/core/scoring/ngram/ngramScorer';
import { detectQueryKind } from '../../../src/core/scoring/ngram/queryKind';
import { stdlibFiles } from './stdlibFiles';

const files = stdlibFiles(10, 60);

const relevant = `def refresh_token_bucket(bucket, leak_rate):
    """Drain the token bucket at the leak rate."""
    bucket.level = max(0, bucket.level - leak_rate)
    return bucket
`;
const unrelated = `def parse_header_line(line):
    name, _, value = line.partition(":")
    return name.strip().lower(), value.strip()
`;

async function trainedScorer(): Promise<NgramScorer> {
  const scorer = new NgramScorer();
  await scorer.train(files);
  return scorer;
}

describe('NgramScorer', () => {
  it('ranks a chunk holding the query’s rare identifiers above an unrelated one (AMI > 0)', async () => {
    const scorer = await trainedScorer();
    for (const query of ['How does the token bucket leak rate get applied?', '    bucket = refresh_token_bucket(bucket, leak_rate)\n']) {
      const [withNames, without] = await amiScores(scorer, [relevant, unrelated], query);
      assert.ok(withNames! > 0, `${query}: AMI ${withNames}`);
      assert.ok(withNames! > without!, `${query}: ${withNames} vs ${without}`);
    }
  });

  it('gives the unconditioned log-probs for the empty context, one per query token', async () => {
    const scorer = await trainedScorer();
    const query = 'Where is the leak rate applied?';
    const [empty, again] = await scorer.queryLogProbs(['', ''], query);
    assert.deepEqual(empty, again);
    assert.equal(empty!.length, 7); // where is the leak rate applied ?
    for (const logProb of empty!) assert.ok(logProb < 0 && Number.isFinite(logProb));
    assert.ok(perplexity(empty!) > 1);
  });

  it('is deterministic: the same scores from a fresh scorer, and for a repeated call', async () => {
    const query = 'How does the token bucket leak?';
    const first = await (await trainedScorer()).queryLogProbs([relevant, unrelated, ''], query);
    const scorer = await trainedScorer();
    assert.deepEqual(await scorer.queryLogProbs([relevant, unrelated, ''], query), first);
    assert.deepEqual(await scorer.queryLogProbs([relevant, unrelated, ''], query), first);
  });

  it('never trains on the query: scoring leaves the counts and the vocabulary as they were', async () => {
    const scorer = await trainedScorer();
    const before = scorer.stats;
    const query = 'def never_seen_anywhere_xyzzy(plugh):\n    return plugh.frobnicate()\n';
    const first = await scorer.queryLogProbs([''], query);
    assert.deepEqual(scorer.stats, before);
    assert.deepEqual(await scorer.queryLogProbs([''], query), first);
    await scorer.lineLogProbs(query);
    assert.deepEqual(scorer.stats, before);
  });

  it('in completion mode leaves the current function out of the counts for the call', async () => {
    const scorer = await trainedScorer();
    const file = files[0]!;
    const start = file.text.indexOf('\ndef ') + 1;
    const end = file.text.indexOf('\ndef ', start + 1) + 1;
    const query = file.text.slice(start, end);
    const plain = perplexity((await scorer.queryLogProbs([''], query))[0]!);
    const excluded = perplexity((await scorer.excluding({ path: file.path, start, end }).queryLogProbs([''], query))[0]!);
    assert.ok(excluded > plain, `the function is less predictable once left out: ${excluded} vs ${plain}`);
    assert.equal(perplexity((await scorer.queryLogProbs([''], query))[0]!), plain, 'the counts are back after the call');
  });

  it('stops a long batch when its AbortSignal fires', async () => {
    const scorer = await trainedScorer();
    const contexts = Array.from({ length: 200_000 }, (_, i) => `${unrelated}# variant ${i}\n`);
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(scorer.queryLogProbs(contexts, 'How is the header parsed?', { signal: controller.signal }), {
      name: 'AbortError',
    });
    assert.ok(performance.now() - started < 1_000, 'stopped long before the batch would end');
    await assert.rejects(scorer.lineLogProbs(relevant, { signal: controller.signal }), { name: 'AbortError' });
  });

  it('gives one mean log-prob per line, NaN where a line has nothing to predict', async () => {
    const scorer = await trainedScorer();
    const text = 'def f(x):\n\n    y = x + 1\n    return y\n';
    const values = await scorer.lineLogProbs(text);
    assert.equal(values.length, 5); // the text ends with \n: an empty last line
    assert.ok(Number.isNaN(values[1]!) && Number.isNaN(values[4]!));
    for (const i of [0, 2, 3]) assert.ok(values[i]! < 0, `line ${i}: ${values[i]}`);
  });

  it('lets earlier lines make a repeated line cheaper (the cache)', async () => {
    const scorer = await trainedScorer();
    const line = '    total_widget_count = compute_widget_total(widget_registry)\n';
    const values = await scorer.lineLogProbs(`def g():\n${line}${line}`);
    assert.ok(values[2]! > values[1]! + 1, `${values[2]} vs ${values[1]}`);
  });

  it('names itself in info()', async () => {
    assert.deepEqual((await trainedScorer()).info(), { name: 'ngram', model: 'kn3-cache', device: 'cpu', dtype: 'f64', threads: 1 });
    assert.equal(new NgramScorer({ order: 4 }).info().model, 'kn4-cache');
  });
});

describe('query kind', () => {
  const cases: [string, 'prose' | 'code'][] = [
    ['How does the chunker split long functions?', 'prose'],
    ['where do we call loadConfig() before the server starts', 'prose'],
    ['Explain the retry policy of the HTTP client', 'prose'],
    ['def add(self, item):\n    if self._pending:', 'code'],
    ['    def close(self):', 'code'],
    ['function total(items) {\n  let sum = 0;', 'code'],
    ['x = compute(a, b) + offset[i]', 'code'],
    ['const handler = async (req, res) => {', 'code'],
  ];
  it('tells a prose question from code by a simple rule', () => {
    for (const [query, kind] of cases) assert.equal(detectQueryKind(query), kind, query);
  });
});
