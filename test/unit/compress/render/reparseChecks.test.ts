import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderContext } from '../../../../src/core/compress/render/renderContext';
import { newSyntaxErrors, pythonCompileErrors, renderedSections } from '../../../helpers/reparse';

const lines = (...rows: string[]) => rows.map((row) => `${row}\n`).join('');

describe('the syntax checks of rendered output', () => {
  const java = { path: 'A.java', language: 'java', text: lines('class A {', '    void f() {', '        g();', '    }', '}') };
  const python = { path: 'a.py', language: 'python', text: lines('class A:', '    def f(self):', '        return 1') };

  it('find each file’s section in text and markdown output', () => {
    const text = `// File: A.java\n${java.text}\n# File: a.py\n${python.text}`;
    assert.deepEqual(
      renderedSections(text, [java, python], 'text').map((s) => s.code),
      [`// File: A.java\n${java.text}`, `# File: a.py\n${python.text}`],
    );
    const markdown = `File: \`A.java\`\n\`\`\`java\n${java.text}\`\`\`\n\nFile: \`a.py\`\n\`\`\`\`python\n${python.text}\`\`\`\`\n`;
    assert.deepEqual(renderedSections(markdown, [java, python], 'markdown').map((s) => s.code), [java.text, python.text]);
  });

  it('find the completion tail after the files, and leave it out of the syntax check', async () => {
    const output = renderContext([{ ...python, kept: [{ start: 1, end: 3 }] }], {
      format: 'text',
      completion: { path: 'a.py', language: 'python', prefix: 'def g(:\n    x = (' },
    });
    const sections = renderedSections(output, [python], 'text', python);
    assert.deepEqual(sections.map((s) => [s.completion, s.code]), [
      [false, `# File: a.py\n${python.text}`],
      [true, '# File: a.py (up to the cursor)\ndef g(:\n    x = ('],
    ]);
    assert.deepEqual(await newSyntaxErrors(output, [python], 'text', python), []);
  });

  it('report a section that lost a closing brace, and not one that parses', async () => {
    const broken = `// File: A.java\n${lines('class A {', '    void f() {', '        g();', '    // ... 2 lines omitted')}`;
    const regressions = await newSyntaxErrors(broken, [java], 'text');
    assert.equal(regressions.length, 1);
    assert.equal(regressions[0]!.before, 0);
    assert.ok(regressions[0]!.after > 0);
    const fine = `// File: A.java\n${lines('class A {', '    // ... 3 lines omitted', '}')}`;
    assert.deepEqual(await newSyntaxErrors(fine, [java], 'text'), []);
  });

  it('report Python whose emptied block holds only a comment', () => {
    const [commentOnly, statement] = pythonCompileErrors([
      lines('class A:', '    # ... 2 lines omitted'),
      lines('class A:', '    ...  # 2 lines omitted'),
    ]);
    assert.match(commentOnly!, /expected an indented block/);
    assert.equal(statement, undefined);
  });
});
