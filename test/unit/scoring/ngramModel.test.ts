import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTINUATION, RAW } from '../../../src/core/scoring/ngram/ngramCounts';
import { NgramModel, type SourceFile } from '../../../src/core/scoring/ngram/ngramModel';
import { ScoringIds } from '../../../src/core/scoring/ngram/vocabulary';
import { stdlibFiles } from './stdlibFiles';

const files = stdlibFiles(8, 40);
const probes = [...stdlibFiles(2, 100).map((f) => f.text.slice(0, 4000)), 'def changed(self):\n    return self.cache[key]\n'];

/** Everything that decides the model's probabilities, independent of token ids. */
function fingerprint(model: NgramModel): unknown {
  const out = new Float64Array(2);
  const logProbs: number[] = [];
  for (const text of probes) {
    const ids = new ScoringIds(model.words).idsOf(model.tokens(text, 'python').tokens);
    for (let order = 1; order <= model.order; order++) {
      for (let t = 0; t < ids.length; t++) {
        model.probabilities.interpolate(ids, t, order, out);
        logProbs.push(Math.log(out[0]! + out[1]! / (model.ngrams.tokenTypes + 1)));
      }
    }
  }
  const discounts: number[] = [];
  for (let order = 1; order <= model.order; order++) {
    for (const view of [RAW, CONTINUATION] as const) {
      for (const r of [1, 2, 3] as const) discounts.push(model.probabilities.discount(order, view, r));
    }
  }
  const { ngrams, tokens, countedDocuments } = model.stats;
  return { ngrams, tokens, countedDocuments, types: model.ngrams.tokenTypes, discounts, logProbs };
}

function trained(documents: readonly SourceFile[], options: ConstructorParameters<typeof NgramModel>[0] = {}): NgramModel {
  const model = new NgramModel(options);
  model.train(documents);
  return model;
}

const edited = (file: SourceFile): SourceFile => ({
  path: file.path,
  text: file.text.replace(/return /g, 'return changed_').slice(0, Math.floor(file.text.length * 0.7)) + '\ndef changed(self):\n    pass\n',
});

describe('training is incremental and exact below the memory bound', () => {
  it('updating a changed file gives the same counts and probabilities as training from scratch', () => {
    const model = trained(files);
    model.update(files[3]!.path, edited(files[3]!).text);
    const scratch = trained(files.map((file, i) => (i === 3 ? edited(file) : file)));
    assert.deepEqual(fingerprint(model), fingerprint(scratch));
  });

  it('adding and removing files equals training on what is left', () => {
    const model = trained(files.slice(0, 5));
    for (const file of files.slice(5)) model.update(file.path, file.text);
    model.remove(files[1]!.path);
    model.remove(files[6]!.path);
    model.remove('never/added.py');
    assert.deepEqual(fingerprint(model), fingerprint(trained(files.filter((_, i) => i !== 1 && i !== 6))));
  });

  it('stays exact through the rebuild that reclaims emptied slots', () => {
    const model = trained(files.slice(0, 2));
    const before = model.ngrams;
    // Files of fresh names: every version brings n-grams the previous one did not have.
    for (let version = 0; version < 12; version++) {
      const text = Array.from({ length: 3000 }, (_, i) => `name_${version}_${i} = value_${version}_${i % 97}(x${i})\n`).join('');
      model.update('generated.py', text);
    }
    assert.notEqual(model.ngrams, before, 'the counts were rebuilt');
    const last = Array.from({ length: 3000 }, (_, i) => `name_11_${i} = value_11_${i % 97}(x${i})\n`).join('');
    assert.deepEqual(fingerprint(model), fingerprint(trained([...files.slice(0, 2), { path: 'generated.py', text: last }])));
  });

  it('is deterministic: the same documents in any order give the same model', () => {
    assert.deepEqual(fingerprint(trained(files)), fingerprint(trained([...files].reverse())));
  });
});

describe('the memory bound', () => {
  it('counts every document below the bound, and a fixed subset above it whatever the order of updates', () => {
    const all = trained(files);
    assert.equal(all.stats.countedDocuments, files.length);
    const bound = Math.floor(all.stats.ngrams * 0.6);
    const capped = trained(files, { maxNgrams: bound });
    assert.ok(capped.stats.ngrams <= bound);
    assert.ok(capped.stats.countedDocuments > 0 && capped.stats.countedDocuments < files.length);

    const incremental = new NgramModel({ maxNgrams: bound });
    for (const file of [...files].reverse()) incremental.update(file.path, file.text);
    assert.deepEqual(fingerprint(incremental), fingerprint(capped));

    // When a counted file shrinks, files beyond the bound come back in: the same as training anew.
    const shrunk = files.map((file) => (capped.isCounted(file.path) ? { path: file.path, text: file.text.slice(0, 200) } : file));
    const countedBefore = capped.stats.countedDocuments;
    for (const file of shrunk) if (capped.isCounted(file.path)) capped.update(file.path, file.text);
    assert.ok(capped.stats.countedDocuments > countedBefore);
    assert.deepEqual(fingerprint(capped), fingerprint(trained(shrunk, { maxNgrams: bound })));
  });
});

describe('leaving the current function out', () => {
  it('counts the file as if the range were not in it, and restores the counts after', () => {
    const text = files[0]!.text;
    const start = text.indexOf('\ndef ') + 1;
    const end = text.indexOf('\ndef ', start + 1) + 1;
    assert.ok(start > 0 && end > start);
    const model = trained(files);
    const original = fingerprint(model);
    const restore = model.exclude({ path: files[0]!.path, start, end });
    assert.deepEqual(
      fingerprint(model),
      fingerprint(trained([{ path: files[0]!.path, text: text.slice(0, start) + text.slice(end) }, ...files.slice(1)])),
    );
    restore();
    restore();
    assert.deepEqual(fingerprint(model), original);
    assert.deepEqual(fingerprint(model), fingerprint(trained(files)));
  });
});
