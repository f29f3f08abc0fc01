import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lexCode, proseWords, subtokens } from '../../../src/core/lexing/lexCode';

const kinds = (text: string, language?: string) => lexCode(text, language).map((t) => [t.kind, t.text]);

describe('lexCode', () => {
  it('separates comments, strings, identifiers, numbers and operators, with their offsets', () => {
    const text = 'total = price * 1.5  // with tax\n';
    assert.deepEqual(kinds(text), [
      ['identifier', 'total'],
      ['operator', '='],
      ['identifier', 'price'],
      ['operator', '*'],
      ['number', '1.5'],
      ['comment', '// with tax'],
    ]);
    for (const token of lexCode(text)) assert.equal(text.slice(token.start, token.end), token.text);
  });

  it('reads Python docstrings and # comments as prose, and # as code elsewhere', () => {
    assert.deepEqual(kinds('def f():\n    """Return the sum."""  # note\n', 'python').slice(-2), [
      ['string', '"""Return the sum."""'],
      ['comment', '# note'],
    ]);
    assert.deepEqual(kinds('#include <stdio.h>', 'c')[0], ['operator', '#']);
  });

  it('keeps escaped quotes inside strings, template literals and unterminated strings', () => {
    assert.deepEqual(kinds('"a \\" b" `x ${y}` \'open'), [
      ['string', '"a \\" b"'],
      ['string', '`x ${y}`'],
      ['string', "'open"],
    ]);
  });

  it('never lets punctuation swallow the quote that opens a string or the slash of a comment', () => {
    assert.deepEqual(kinds('f("key")//done'), [
      ['identifier', 'f'],
      ['operator', '('],
      ['string', '"key"'],
      ['operator', ')'],
      ['comment', '//done'],
    ]);
    assert.deepEqual(kinds('a //= b'), [
      ['identifier', 'a'],
      ['comment', '//= b'],
    ]);
    assert.deepEqual(kinds('n //= 2', 'python'), [
      ['identifier', 'n'],
      ['operator', '/'],
      ['operator', '/'],
      ['operator', '='],
      ['number', '2'],
    ]);
    assert.deepEqual(kinds('x = a/b'), [
      ['identifier', 'x'],
      ['operator', '='],
      ['identifier', 'a'],
      ['operator', '/'],
      ['identifier', 'b'],
    ]);
  });

  it('handles non-ASCII identifiers', () => {
    assert.deepEqual(kinds('größe = café'), [
      ['identifier', 'größe'],
      ['operator', '='],
      ['identifier', 'café'],
    ]);
  });
});

describe('subtokens and prose words', () => {
  it('splits camelCase, PascalCase, acronyms, snake_case and digits', () => {
    const cases: [string, string[]][] = [
      ['parseHTTPResponse2', ['parse', 'http', 'response', '2']],
      ['MAX_RETRY_COUNT', ['max', 'retry', 'count']],
      ['getURL', ['get', 'url']],
      ['__init__', ['init']],
      ['XMLHttpRequest', ['xml', 'http', 'request']],
      ['x', ['x']],
    ];
    for (const [identifier, expected] of cases) assert.deepEqual(subtokens(identifier), expected, identifier);
  });

  it('takes the words of prose, splitting identifiers mentioned in it', () => {
    assert.deepEqual(proseWords('// Calls loadConfig() first.'), ['calls', 'load', 'config', 'first']);
  });
});
