import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ngramTokens } from '../../../src/core/scoring/ngram/ngramTokens';

describe('ngramTokens', () => {
  it('splits identifiers into lower-case words and replaces literals, keeping string and comment words', () => {
    const text = 'total = getHTTPResponse(0x1F, "Not found")  // retry later\n';
    assert.deepEqual(ngramTokens(text).tokens, [
      'total', '=', 'get', 'http', 'response', '(', '<num>', ',', '<str>', 'not', 'found', ')',
      '<comment>', 'retry', 'later', '\n',
    ]);
  });

  it('keeps identifiers that have no words, such as _ and $', () => {
    assert.deepEqual(ngramTokens('for _ in range(n): $ = __init__').tokens, ['for', '_', 'in', 'range', '(', 'n', '):', '$', '=', 'init']);
  });

  it('puts a line end after every line and knows the line and offset of every token', () => {
    const text = 'def f():\n    """Sum.\n\n    Twice."""\n\n    return 1';
    const { tokens, lines, starts } = ngramTokens(text, 'python');
    assert.deepEqual(tokens, ['def', 'f', '():', '\n', '<str>', 'sum', '\n', '\n', 'twice', '\n', '\n', 'return', '<num>']);
    assert.deepEqual([...lines], [0, 0, 0, 0, 1, 1, 1, 2, 3, 3, 4, 5, 5]);
    for (let i = 0; i < tokens.length; i++) {
      const at = text.slice(starts[i]!);
      assert.ok(tokens[i] === '\n' ? at.startsWith('\n') : tokens[i]!.startsWith('<') || at.toLowerCase().includes(tokens[i]!), tokens[i]);
    }
  });

  it('reads # as a comment in Python, and guesses so for text without a language', () => {
    assert.deepEqual(ngramTokens('x = 1  # note', 'python').tokens, ['x', '=', '<num>', '<comment>', 'note']);
    assert.deepEqual(ngramTokens('x = 1  # note').tokens, ['x', '=', '<num>', '<comment>', 'note']);
    assert.deepEqual(ngramTokens('#include <stdio.h>', 'c').tokens, ['#', 'include', '<', 'stdio', '.', 'h', '>']);
  });
});
