import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Chunk } from '../../../src/core/chunking/chunk';
import { testChunker } from '../../helpers/chunking';

const chunker = testChunker();

/** The statement starts of the chunk named `name`, as [line, type] rows. */
async function statementsOf(path: string, text: string, name: string): Promise<[number, string][]> {
  const file = await chunker.chunkFile({ path, text });
  const chunk = file.chunks.find((c) => c.name === name);
  assert.ok(chunk, `no chunk named ${name}`);
  return (chunk.statements ?? []).map((s) => [s.line, s.type]);
}

describe('statement starts of function bodies', () => {
  it('Python: one per top-level statement, nested blocks stay inside theirs, decorators before the body are not statements', async () => {
    const text = `import os

@cache
def load(path):
    """Reads a file."""
    if not path:
        raise ValueError(path)
    with open(path) as f:
        data = f.read()
    # done
    return data
`;
    assert.deepEqual(await statementsOf('a.py', text, 'load'), [
      [5, 'string'],
      [6, 'if_statement'],
      [8, 'with_statement'],
      [10, 'comment'],
      [11, 'return_statement'],
    ]);
  });

  it('TypeScript: throw and return are typed as statements; a second statement on a line is not a start', async () => {
    const text = `export function parse(input: string): number {
  const n = Number(input); log(n);
  if (Number.isNaN(n)) {
    throw new Error('bad');
  }
  return n;
}
`;
    assert.deepEqual(await statementsOf('a.ts', text, 'parse'), [
      [2, 'lexical_declaration'],
      [3, 'if_statement'],
      [6, 'return_statement'],
    ]);
  });

  it('TypeScript: class methods get their statements too', async () => {
    const text = `class Cart {
  total(): number {
    let sum = 0;
    for (const item of this.items) sum += item.price;
    return sum;
  }
}
`;
    assert.deepEqual(await statementsOf('a.ts', text, 'total'), [
      [3, 'lexical_declaration'],
      [4, 'for_in_statement'],
      [5, 'return_statement'],
    ]);
  });

  it('Rust: `return x;` is a return expression, the final value without `;` is the tail expression', async () => {
    const text = `fn pick(items: &[u32], limit: u32) -> u32 {
    let mut best = 0;
    if items.is_empty() {
        return limit;
    }
    for item in items {
        best = best.max(*item);
    }
    // the larger wins
    best.min(limit)
}

fn early(x: u32) -> u32 {
    if x == 0 { return 0; }
    return x + 1;
}

fn unit(v: &mut Vec<u32>) {
    v.push(1);
}
`;
    assert.deepEqual(await statementsOf('a.rs', text, 'pick'), [
      [2, 'let_declaration'],
      [3, 'if_expression'],
      [6, 'for_expression'],
      [9, 'line_comment'],
      [10, '@tail-expression'],
    ]);
    assert.deepEqual(await statementsOf('a.rs', text, 'early'), [
      [14, 'if_expression'],
      [15, 'return_expression'],
    ]);
    assert.deepEqual(await statementsOf('a.rs', text, 'unit'), [[19, 'call_expression']], 'a statement ended by `;` is no tail');
  });

  it('Go: statements of functions and methods', async () => {
    const text = `package store

func (s *Store) Get(key string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.items[key]
	if !ok {
		return "", ErrMissing
	}
	return v, nil
}
`;
    assert.deepEqual(await statementsOf('a.go', text, 'Get'), [
      [4, 'call_expression'],
      [5, 'defer_statement'],
      [6, 'short_var_declaration'],
      [7, 'if_statement'],
      [10, 'return_statement'],
    ]);
  });

  it('a function cut into parts: each part holds the statements that start in it, in file lines', async () => {
    const body = Array.from({ length: 30 }, (_, i) => `    total += compute_value_for_item(items[${i}], weight=${i}, label="item number ${i}")\n`);
    const text = `def big(items):\n    total = 0\n${body.join('')}    return total\n`;
    const file = await testChunker({ sizeCap: 200 }).chunkFile({ path: 'big.py', text });
    const parts = file.chunks.filter((c: Chunk) => c.kind === 'function-part');
    assert.ok(parts.length > 1);
    const lines = parts.flatMap((part) => {
      for (const s of part.statements ?? []) assert.ok(s.line >= part.startLine && s.line <= part.endLine, `${s.line} outside its part`);
      return (part.statements ?? []).map((s) => s.line);
    });
    assert.deepEqual(lines, Array.from({ length: 32 }, (_, i) => i + 2));
    assert.equal(parts.at(-1)!.statements!.at(-1)!.type, 'return_statement');
  });

  it('statements nested in a long statement follow it with their depth and last line; short ones are not looked into', async () => {
    const nested = async (path: string, text: string, name: string) => {
      const chunk = (await chunker.chunkFile({ path, text })).chunks.find((c) => c.name === name)!;
      return (chunk.statements ?? []).map((s) => [s.line, s.endLine, s.type, s.depth ?? 0]);
    };
    const python = `def settle(accounts):
    total = 0
    for account in accounts:
        if account.closed:
            archive(account)
        else:
            total += account.fee
            notify(account)
    if total: log(total)
    return total
`;
    assert.deepEqual(await nested('a.py', python, 'settle'), [
      [2, 2, 'assignment', 0],
      [3, 8, 'for_statement', 0],
      [4, 8, 'if_statement', 1],
      [5, 5, 'call', 2],
      [7, 7, 'augmented_assignment', 2],
      [8, 8, 'call', 2],
      [9, 9, 'if_statement', 0],
      [10, 10, 'return_statement', 0],
    ]);
    const js = `function kind(x) {
  switch (typeof x) {
    case 'string':
      log(x);
      x = x.trim();
      return 'text';
    default: return 'other';
  }
}
`;
    // The default arm's return is on the arm's line: not a statement start of its own.
    assert.deepEqual(await nested('a.js', js, 'kind'), [
      [2, 8, 'switch_statement', 0],
      [3, 6, 'switch_case', 1],
      [4, 4, 'call_expression', 2],
      [5, 5, 'assignment_expression', 2],
      [6, 6, 'return_statement', 2],
      [7, 7, 'switch_default', 1],
    ]);
  });

  it('only function chunks carry statements', async () => {
    const file = await chunker.chunkFile({ path: 'a.py', text: 'import os\n\nclass A:\n    x = 1\n\n    def f(self):\n        return 1\n' });
    for (const chunk of file.chunks) {
      assert.equal(chunk.statements !== undefined, ['function', 'method', 'function-part'].includes(chunk.kind), chunk.kind);
    }
  });
});
