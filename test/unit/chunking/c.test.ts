import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `/* ring.c: a fixed-size ring buffer. */
#include <stdlib.h>
#include <string.h>
#include "ring.h"

#define RING_MIN 8
#define RING_MASK(r, i) ((i) & ((r)->cap - 1))

typedef struct ring {
  unsigned char *data;
  size_t cap, head, tail;
} ring_t;

enum ring_status { RING_OK, RING_FULL, RING_EMPTY };

static const char *const status_names[] = { "ok", "full", "empty" };

int ring_push(ring_t *r, unsigned char c);

/**
 * Allocates a ring of at least \`cap\` bytes, rounded up to a power of two.
 */
ring_t *
ring_new(size_t cap)
{
  ring_t *r = calloc(1, sizeof *r);
  size_t n = RING_MIN;
  while (n < cap) {
    n <<= 1;
  }
  r->data = malloc(n);
  r->cap = n;
  return r;
}

// Appends one byte; fails when full.
int ring_push(ring_t *r, unsigned char c) {
  if (r->head - r->tail == r->cap) {
    return RING_FULL;
  }
  r->data[RING_MASK(r, r->head++)] = c;
  return RING_OK;
}

#ifdef _WIN32
static void ring_lock(ring_t *r) { EnterCriticalSection(&r->lock); }
#else
static void ring_lock(ring_t *r) { pthread_mutex_lock(&r->lock); }
#endif

#ifdef __cplusplus
extern "C" {
#endif
const char *ring_status_name(enum ring_status s) {
  return status_names[s];
}
#ifdef __cplusplus
}
#endif
`;

const BROKEN = `#include <stdio.h>

int first(void) { return 1; }

int broken(int x) {
  return x + * ;
}

struct s { int a; ;

int last(void) {
  return 3;
}
`;

describe('chunking C', () => {
  it('finds functions under #ifdef and extern "C", types, constants and function-like macros', async () => {
    const file = await testChunker().chunkFile({ path: 'ring.c', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 6],
      ['declaration', 'RING_MASK', undefined, 7, 8],
      ['declaration', 'ring_t', undefined, 9, 13],
      ['declaration', 'ring_status', undefined, 14, 15],
      ['declaration', 'status_names', undefined, 16, 17],
      ['glue', undefined, undefined, 18, 19],
      ['function', 'ring_new', undefined, 20, 35],
      ['function', 'ring_push', undefined, 36, 44],
      ['container-header', undefined, undefined, 45, 45],
      ['function', 'ring_lock', undefined, 46, 46],
      ['glue', undefined, undefined, 47, 47],
      ['function', 'ring_lock', undefined, 48, 48],
      ['container-footer', undefined, undefined, 49, 50],
      ['container-header', undefined, undefined, 51, 51],
      ['container-header', undefined, undefined, 52, 53],
      ['function', 'ring_status_name', undefined, 54, 56],
      ['container-footer', undefined, undefined, 57, 58],
      ['container-footer', undefined, undefined, 59, 59],
    ]);
    // The `#endif` inside `extern "C" {` (opened under `#ifdef __cplusplus`) is one error node to the parser.
    assert.equal(file.parseErrors, 1);
    assert.equal(file.fallbackReason, undefined);
  });

  it('chunks what parses around a syntax error', async () => {
    const file = await testChunker().chunkFile({ path: 'broken.c', text: BROKEN });
    assertExactCover(BROKEN, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 2],
      ['function', 'first', undefined, 3, 4],
      ['function', 'broken', undefined, 5, 8],
      ['glue', undefined, undefined, 9, 10],
      ['function', 'last', undefined, 11, 13],
    ]);
    assert.ok(file.parseErrors > 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('an #ifdef around definitions is a block: its opening and closing lines, not the code beside them, travel', async () => {
    const text = `#ifndef RING_H
#define RING_H

#include <stddef.h>

typedef struct ring ring;

ring *ring_new(size_t capacity);

#ifdef RING_INLINE
static inline size_t ring_mask(size_t capacity)
{
    return capacity - 1;
}
#else
size_t ring_mask(size_t capacity);
#endif

int ring_push(ring *r, char c);

#endif /* RING_H */
`;
    const file = await testChunker().chunkFile({ path: 'ring.h', text });
    assertExactCover(text, file);
    assert.deepEqual(rows(file), [
      ['container-header', undefined, undefined, 1, 3],
      ['glue', undefined, undefined, 4, 5],
      ['declaration', 'ring', undefined, 6, 7],
      ['glue', undefined, undefined, 8, 9],
      ['container-header', undefined, undefined, 10, 10],
      ['function', 'ring_mask', undefined, 11, 14],
      ['container-footer', undefined, undefined, 15, 18],
      ['glue', undefined, undefined, 19, 20],
      ['container-footer', undefined, undefined, 21, 21],
    ]);
    const [guard, , , , inline] = file.chunks;
    assert.deepEqual(
      file.scopes.map((s) => [s.kind, s.name, s.openingChunk, s.scope]),
      [
        ['block', '#ifndef RING_H', guard!.id, undefined],
        ['block', '#ifdef RING_INLINE', inline!.id, guard!.id],
      ],
    );
  });
});
