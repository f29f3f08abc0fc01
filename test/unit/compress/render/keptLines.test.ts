import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LineRange } from '../../../../src/core/compress/lineRange';
import { renderContext } from '../../../../src/core/compress/render/renderContext';
import { pythonCompileErrors, syntaxErrorsIn } from '../../../helpers/reparse';

/** The rendered section of one file, text format, without its header line. */
function body(text: string, kept: LineRange[], language: string | undefined = 'python', path = 'f'): string {
  const output = renderContext([{ path, language, text, kept }], { format: 'text' });
  return output.slice(output.indexOf('\n') + 1);
}

const lines = (...rows: string[]) => rows.map((row) => `${row}\n`).join('');

describe('kept lines and placeholders', () => {
  const go = lines(
    'package store', //      1
    '', //                   2
    'import "fmt"', //       3
    '', //                   4
    'func a() {', //         5
    '\tfmt.Println(1)', //   6
    '\tfmt.Println(2)', //   7
    '}', //                  8
    '', //                   9
    'func b() {', //        10
    '\treturn', //          11
    '}', //                 12
  );

  it('replaces every gap, at the start, inside and at the end, by one line counting what it stands for', () => {
    assert.equal(
      body(go, [{ start: 5, end: 5 }, { start: 8, end: 9 }], 'go'),
      lines('// ... 4 lines omitted', 'func a() {', '\t// ... 2 lines omitted', '}', '', '// ... 3 lines omitted'),
    );
  });

  it('puts a placeholder at the indentation of the first code it replaces, not of blank lines before it', () => {
    const text = lines('def f():', '', '        ', '    x = 1', '    return x', '');
    assert.equal(body(text, [{ start: 1, end: 1 }, { start: 5, end: 5 }]), lines('def f():', '    # ... 3 lines omitted', '    return x'));
  });

  it('merges placeholders that only blank kept lines would separate', () => {
    const kept = [{ start: 5, end: 5 }, { start: 9, end: 9 }, { start: 12, end: 12 }];
    assert.equal(body(go, kept, 'go'), lines('// ... 4 lines omitted', 'func a() {', '\t// ... 6 lines omitted', '}'));
  });

  it('takes ranges in any order, overlapping or touching, and clips them to the file', () => {
    const tidy = body(go, [{ start: 5, end: 8 }, { start: 10, end: 12 }], 'go');
    const messy = body(go, [{ start: 10, end: 40 }, { start: 6, end: 8 }, { start: 5, end: 6 }, { start: 7, end: 7 }], 'go');
    assert.equal(messy, tidy);
  });

  it('keeps a gap of blank lines alone as one blank line between code, and drops it at either end', () => {
    const text = lines('', '', 'a = 1', '', '', '', 'b = 2', '', '');
    assert.equal(body(text, [{ start: 3, end: 3 }, { start: 7, end: 7 }]), lines('a = 1', '', 'b = 2'));
  });

  it('leaves out a file with nothing kept, or only blank lines kept', () => {
    assert.equal(renderContext([{ path: 'a.go', language: 'go', text: go, kept: [] }], { format: 'text' }), '');
    assert.equal(renderContext([{ path: 'a.go', language: 'go', text: go, kept: [{ start: 2, end: 2 }] }], { format: 'text' }), '');
  });

  it('writes lines without their carriage returns', () => {
    assert.equal(body('x = 1\r\ny = 2\r\nz = 3\r\n', [{ start: 1, end: 1 }, { start: 3, end: 3 }]), lines('x = 1', '# ... 1 line omitted', 'z = 3'));
  });

  it('uses the lines a caller split already', () => {
    const text = 'a\nb\nc\n';
    const output = renderContext([{ path: 'x', language: undefined, text, lines: ['A', 'B', 'C'], kept: [{ start: 2, end: 2 }] }], { format: 'text' });
    assert.equal(output, lines('File: x', '... 1 line omitted', 'B', '... 1 line omitted'));
  });

  it('keeps a PHP file in code when its opening tag line was not selected', async () => {
    const php = lines('<?php', '', 'namespace App;', '', 'function f(): int', '{', '    return 1;', '}');
    const output = renderContext([{ path: 'f.php', language: 'php', text: php, kept: [{ start: 5, end: 8 }] }], { format: 'text' });
    assert.equal(output, lines('<?php // File: f.php ?>', '<?php', '// ... 3 lines omitted', 'function f(): int', '{', '    return 1;', '}'));
    assert.equal(await syntaxErrorsIn('php', output), 0);
  });
});

describe('a Python block whose every body line was dropped', () => {
  const cases: { name: string; text: string; kept: LineRange[]; expected: string }[] = [
    {
      name: 'a class at the end of the file',
      text: lines('import os', '', 'class A:', '    def f(self):', '        return 1', ''),
      kept: [{ start: 1, end: 3 }],
      expected: lines('import os', '', 'class A:', '    ...  # 3 lines omitted'),
    },
    {
      name: 'an if body, its else kept',
      text: lines('def f(x):', '    if x:', '        y = 1', '        z = 2', '    else:', '        y = 0', '    return y'),
      kept: [{ start: 1, end: 2 }, { start: 5, end: 7 }],
      expected: lines('def f(x):', '    if x:', '        ...  # 2 lines omitted', '    else:', '        y = 0', '    return y'),
    },
    {
      name: 'a function whose signature is continued under its parenthesis',
      text: lines('def f(a,', '      b):', '    return a + b', '', 'g = 1'),
      kept: [{ start: 1, end: 2 }, { start: 5, end: 5 }],
      expected: lines('def f(a,', '      b):', '    ...  # 2 lines omitted', 'g = 1'),
    },
    {
      name: 'a block opener with a comment after its colon',
      text: lines('for item in items:  # each one: "#" is not a comment here', '    print(item)', 'done = True'),
      kept: [{ start: 1, end: 1 }, { start: 3, end: 3 }],
      expected: lines('for item in items:  # each one: "#" is not a comment here', '    ...  # 1 line omitted', 'done = True'),
    },
    {
      name: 'a body that started with a comment',
      text: lines('class A:', '    # about A', '    x = 1', 'y = 2'),
      kept: [{ start: 1, end: 1 }, { start: 4, end: 4 }],
      expected: lines('class A:', '    ...  # 2 lines omitted', 'y = 2'),
    },
  ];
  for (const { name, text, kept, expected } of cases) {
    it(`is a no-op statement: ${name}`, () => {
      const rendered = body(text, kept);
      assert.equal(rendered, expected);
      assert.deepEqual(pythonCompileErrors([rendered]), [undefined]);
    });
  }

  it('stays a comment where the block keeps a statement', () => {
    const text = lines('def f():', '    x = 1', '    y = 2', '    return x + y');
    const rendered = body(text, [{ start: 1, end: 1 }, { start: 4, end: 4 }]);
    assert.equal(rendered, lines('def f():', '    # ... 2 lines omitted', '    return x + y'));
    assert.deepEqual(pythonCompileErrors([rendered]), [undefined]);
  });

  it('stays a comment between statements of the same block', () => {
    const text = lines('a = 1', 'b = 2', 'c = 3');
    assert.equal(body(text, [{ start: 1, end: 1 }, { start: 3, end: 3 }]), lines('a = 1', '# ... 1 line omitted', 'c = 3'));
  });

  it('needs no statement in Ruby, where an emptied body is still Ruby', async () => {
    const ruby = lines('class A', '  def f', '    1 + 1', '  end', 'end');
    const rendered = body(ruby, [{ start: 1, end: 2 }, { start: 4, end: 5 }], 'ruby');
    assert.equal(rendered, lines('class A', '  def f', '    # ... 1 line omitted', '  end', 'end'));
    assert.equal(await syntaxErrorsIn('ruby', `# File: f\n${rendered}`), 0);
  });
});
