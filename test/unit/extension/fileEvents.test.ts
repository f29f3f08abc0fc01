import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileEventQueue, watcherExclusions } from '../../../src/extension/index/fileEvents';

describe('file events the index follows', () => {
  it('honours files.watcherExclude: the patterns switched on, not those switched off', () => {
    const excluded = watcherExclusions({ '**/.git/objects/**': true, '**/node_modules/*/**': true, '**/dist/**': false }, true);
    assert.ok(excluded('.git/objects/ab/cdef') !== undefined);
    assert.ok(excluded('node_modules/left-pad/index.js') !== undefined);
    assert.equal(excluded('dist/app.js'), undefined);
    assert.equal(excluded('src/app.ts'), undefined);
    assert.equal(watcherExclusions(undefined, true)('src/app.ts'), undefined);
  });

  it('a burst of events reads each file once, and the last event of a path decides', () => {
    const queue = new FileEventQueue();
    queue.add('created', 'a.ts');
    queue.add('changed', 'a.ts');
    queue.add('changed', 'b.ts');
    queue.add('deleted', 'b.ts');
    queue.add('deleted', 'c.ts');
    queue.add('created', 'c.ts');
    assert.equal(queue.size, 3);
    assert.deepEqual(queue.take(), { update: ['a.ts', 'c.ts'], remove: ['b.ts'] });
    assert.deepEqual(queue.take(), { update: [], remove: [] });
  });
});
