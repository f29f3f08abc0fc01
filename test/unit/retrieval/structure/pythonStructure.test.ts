import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertRanksFirst, chunkProject, evidenceOf, rankAt } from './projectRanking';

const project = {
  'pkg/store.py': `from .codec import encode
from . import checks


class Base:
    def save(self, key):
        return key

    def close(self):
        pass


class Store(Base):
    def add(self, key, value):
        checks.validate(key)
        data = encode(value)
        self.save(key)
        return normalize(data)

    def remove(self, key):
        checks.validate(key)
        self.close()
        return None  # removed


def normalize(data):
    return data.strip()
`,
  'pkg/codec.py': `def encode(value):
    return str(value)


def decode(text):
    return text
`,
  'pkg/checks.py': `def validate(key):
    if not key:
        raise ValueError(key)
`,
  'pkg/other.py': `def encode(value):
    return repr(value)


def normalize(data):
    return data


class Cache:
    def save(self, key):
        return None

    def close(self):
        return None
`,
};

test('python: the next line calls a method of self: the enclosing class’s base method, not another class’s', async () => {
  const files = await chunkProject(project);
  const ranking = rankAt(files, 'pkg/store.py', 'self.save(key)');
  assertRanksFirst(ranking, 'pkg/store.py:Base.save', ['pkg/other.py:Cache.save'], 6);
  assert.ok(evidenceOf(ranking, 'pkg/store.py:Base.save').includes('enclosing-class'));
});

test('python: a name used before the cursor: the imported definition first, the same-named one elsewhere after it', async () => {
  const files = await chunkProject(project);
  const ranking = rankAt(files, 'pkg/store.py', 'return normalize(data)');
  assertRanksFirst(ranking, 'pkg/codec.py:encode', ['pkg/other.py:encode'], 3);
  assertRanksFirst(ranking, 'pkg/checks.py:validate', [], 3);
  assert.deepEqual(evidenceOf(ranking, 'pkg/codec.py:encode').slice(0, 1), ['imported']);
});

test('python: the next line calls a function of the same file: it ranks before the other file’s function of that name', async () => {
  const files = await chunkProject(project);
  const ranking = rankAt(files, 'pkg/store.py', 'return normalize(data)');
  assertRanksFirst(ranking, 'pkg/store.py:normalize', ['pkg/other.py:normalize'], 8);
});

test('python: self.close() used before the cursor ranks the base class method first, with self-method evidence', async () => {
  const files = await chunkProject(project);
  const ranking = rankAt(files, 'pkg/store.py', '# removed');
  const top = ranking.ranked.slice(0, 3).map((id) => ranking.describe(id));
  assert.ok(top.includes('pkg/store.py:Base.close'), top.join(', '));
  assert.equal(evidenceOf(ranking, 'pkg/store.py:Base.close')[0], 'self-method');
  assert.ok(!evidenceOf(ranking, 'pkg/other.py:Cache.close').includes('self-method'));
});
