import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `'use strict';
const path = require('node:path');
const { EventEmitter } = require('node:events');

const DEFAULT_TIMEOUT = 5000;
let pending = 0;

/**
 * Creates a bounded queue.
 * @param {number} limit
 */
function createQueue(limit) {
  const items = [];
  function push(item) {
    items.push(item);
    return items.length <= limit;
  }
  return { push, drain: () => items.splice(0) };
}

class Worker extends EventEmitter {
  static instances = 0;
  #busy = false;

  constructor(name) {
    super();
    this.name = name;
  }

  get busy() {
    return this.#busy;
  }

  /** Runs one job. */
  async run(job) {
    this.#busy = true;
    await job().then((result) => this.emit('done', result));
    this.#busy = false;
  }

  onError = (error) => {
    this.emit('error', error);
  };

  *ids() {
    yield this.name;
  }
}

function Legacy(options) {
  this.options = options;
}

// Starts the legacy worker.
Legacy.prototype.start = function () {
  pending++;
  return path.join(this.options.root, 'start');
};

exports.retry = async (fn, times = 3) => {
  for (let i = 0; i < times; i++) {
    try { return await fn(); } catch { /* again */ }
  }
};

const handlers = {
  close() { return DEFAULT_TIMEOUT; },
};

const tick = throttle(function () {
  pending--;
}, 100);

process.on('exit', () => {
  console.log('bye', handlers, tick);
});
`;

const BROKEN = `import { readFile } from 'node:fs/promises';

export async function load(file) {
  const text = await readFile(file, 'utf8');
  return JSON.parse(text);
}

function broken(a) {
  return a + ;
}

export class Cache {
  get(key) {
    return this.map.get(key);
  }
}

export const size = (cache) => cache.map.size;

function unfinished(x) {
  if (x) {
    return size(x);
`;

describe('chunking JavaScript', () => {
  it('finds functions, classes, CommonJS methods, declarations and glue; callbacks stay inside', async () => {
    const file = await testChunker().chunkFile({ path: 'queue.js', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 4], // require() is an import: glue
      ['declaration', 'DEFAULT_TIMEOUT', undefined, 5, 5], // a const holding a value
      ['glue', undefined, undefined, 6, 7], // let: mutable state, glue
      ['function', 'createQueue', undefined, 8, 20], // with its doc comment; push() and the arrow stay inside
      ['container-header', 'Worker', undefined, 21, 24],
      ['method', 'constructor', 'Worker', 25, 29],
      ['method', 'busy', 'Worker', 30, 33],
      ['method', 'run', 'Worker', 34, 40],
      ['method', 'onError', 'Worker', 41, 44], // a field holding an arrow function
      ['method', 'ids', 'Worker', 45, 47],
      ['container-footer', 'Worker', undefined, 48, 49],
      ['function', 'Legacy', undefined, 50, 53],
      ['method', 'start', 'Legacy', 54, 59], // X.prototype.m = function: a method of X
      ['function', 'retry', undefined, 60, 65], // exports.f = …
      ['declaration', 'handlers', undefined, 66, 69], // object-literal members stay inside
      ['function', 'tick', undefined, 70, 73], // const f = wrapper(function …)
      ['glue', undefined, undefined, 74, 76], // a top-level callback stays in the glue
    ]);
    assert.equal(file.parseErrors, 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('chunks what parses around a syntax error and never throws', async () => {
    const file = await testChunker().chunkFile({ path: 'cache.js', text: BROKEN });
    assertExactCover(BROKEN, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 2],
      ['function', 'load', undefined, 3, 7],
      ['function', 'broken', undefined, 8, 11], // the error is inside its body
      ['container-header', 'Cache', undefined, 12, 12],
      ['method', 'get', 'Cache', 13, 15],
      ['container-footer', 'Cache', undefined, 16, 17],
      ['function', 'size', undefined, 18, 19],
      ['glue', undefined, undefined, 20, 22], // unclosed at the end of the file
    ]);
    assert.ok(file.parseErrors > 0);
    assert.equal(file.fallbackReason, undefined);
  });
});
