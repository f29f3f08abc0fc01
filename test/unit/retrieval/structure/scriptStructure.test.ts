import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertRanksFirst, chunkProject, evidenceOf, rankAt } from './projectRanking';

const typescript = {
  'src/store.ts': `import { encode } from './codec.js';
import * as checks from './checks';
import { Base } from './base';

export class Store extends Base {
  add(key: string, value: number): string {
    checks.validate(key);
    const data = encode(value);
    this.save(key);
    return normalize(data);
  }
}

function normalize(data: string): string {
  return data.trim();
}
`,
  'src/codec.ts': `export function encode(value: number): string {
  return String(value);
}

export function decode(text: string): number {
  return Number(text);
}
`,
  'src/checks.ts': `export function validate(key: string): void {
  if (!key) throw new Error('empty key');
}
`,
  'src/base.ts': `export class Base {
  save(key: string): string {
    return key;
  }
}
`,
  'src/other.ts': `export function encode(value: number): string {
  return JSON.stringify(value);
}

export function normalize(data: string): string {
  return data;
}

export class Cache {
  save(key: string): void {
    console.log(key);
  }
}
`,
};

const javascript = {
  'lib/_legacy.js': `export function parse(input) {
  return [input];
}

export function finish(text) {
  return text;
}
`,
  'lib/index.js': `const { parse } = require('./parse');
import format from './format.js';

export function render(input) {
  const tree = parse(input);
  const text = format(tree);
  return finish(text);
}

function finish(text) {
  return text + '\\n';
}
`,
  'lib/parse.js': `export function parse(input) {
  return input.split(' ');
}
`,
  'lib/format.js': `export default function format(tree) {
  return tree.join(' ');
}
`,
};

test('typescript: the next line calls this.save: the base class’s method (resolved through the import), not another class’s', async () => {
  const files = await chunkProject(typescript);
  const ranking = rankAt(files, 'src/store.ts', 'this.save(key)');
  assertRanksFirst(ranking, 'src/base.ts:Base.save', ['src/other.ts:Cache.save'], 6);
});

test('typescript: imported names used before the cursor (named and through a namespace): their definitions first, the same-named one elsewhere after', async () => {
  const files = await chunkProject(typescript);
  const ranking = rankAt(files, 'src/store.ts', 'return normalize(data)');
  assertRanksFirst(ranking, 'src/codec.ts:encode', ['src/other.ts:encode'], 3);
  assertRanksFirst(ranking, 'src/checks.ts:validate', [], 3);
  assert.equal(evidenceOf(ranking, 'src/checks.ts:validate')[0], 'imported');
});

test('typescript: the next line calls a function of the same file: ahead of the other file’s function of that name', async () => {
  const files = await chunkProject(typescript);
  const ranking = rankAt(files, 'src/store.ts', 'return normalize(data)');
  assertRanksFirst(ranking, 'src/store.ts:normalize', ['src/other.ts:normalize'], 6);
});

test('javascript: require destructuring and a default import resolve to their files; a same-named function elsewhere comes after', async () => {
  const files = await chunkProject(javascript);
  const ranking = rankAt(files, 'lib/index.js', 'return finish(text)');
  assertRanksFirst(ranking, 'lib/parse.js:parse', ['lib/_legacy.js:parse'], 3);
  assertRanksFirst(ranking, 'lib/format.js:format', [], 3);
  assertRanksFirst(ranking, 'lib/index.js:finish', ['lib/_legacy.js:finish'], 4);
});
