import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderContext, type RenderFile } from '../../../../src/core/compress/render/renderContext';

const lines = (...rows: string[]) => rows.map((row) => `${row}\n`).join('');
const whole = (text: string) => [{ start: 1, end: text.split('\n').length }];

const app: RenderFile = { path: 'src/app.ts', language: 'typescript', text: lines('export const a = 1;'), kept: [{ start: 1, end: 1 }] };
const util: RenderFile = { path: 'src/util.py', language: 'python', text: lines('def f():', '    return 2'), kept: [{ start: 1, end: 2 }] };
const unused: RenderFile = { path: 'src/unused.go', language: 'go', text: lines('package x'), kept: [] };

describe('rendering a context', () => {
  it('writes the files with something kept in the given order, a blank line between them', () => {
    assert.equal(
      renderContext([util, unused, app], { format: 'text' }),
      lines('# File: src/util.py', 'def f():', '    return 2', '', '// File: src/app.ts', 'export const a = 1;'),
    );
  });

  it('is empty when nothing is kept', () => {
    assert.equal(renderContext([], { format: 'text' }), '');
    assert.equal(renderContext([unused], { format: 'markdown' }), '');
  });

  it('in markdown fences each file with its language, the header outside the fence', () => {
    assert.equal(
      renderContext([util, app], { format: 'markdown' }),
      lines('File: `src/util.py`', '```python', 'def f():', '    return 2', '```', '', 'File: `src/app.ts`', '```typescript', 'export const a = 1;', '```'),
    );
  });

  it('fences code that holds backticks with a longer fence, so the code cannot close it', () => {
    const text = lines('const doc = `', '```js', 'x()', '```', '`;');
    const output = renderContext([{ path: 'doc.js', language: 'javascript', text, kept: whole(text) }], { format: 'markdown' });
    assert.equal(output, `File: \`doc.js\`\n\`\`\`\`javascript\n${text}\`\`\`\`\n`);
    const longer = lines('// ````` five', 'x();');
    const fenced = renderContext([{ path: 'a.js', language: 'javascript', text: longer, kept: whole(longer) }], { format: 'markdown' });
    assert.ok(fenced.includes('\n``````javascript\n') && fenced.endsWith('\n``````\n'));
  });

  it('tags an unknown language’s fence by its extension, or not at all', () => {
    const yaml: RenderFile = { path: 'ci/build.yaml', language: undefined, text: lines('on: push'), kept: [{ start: 1, end: 1 }] };
    const make: RenderFile = { path: 'Makefile', language: undefined, text: lines('all:'), kept: [{ start: 1, end: 1 }] };
    assert.equal(
      renderContext([yaml, make], { format: 'markdown' }),
      lines('File: `ci/build.yaml`', '```yaml', 'on: push', '```', '', 'File: `Makefile`', '```', 'all:', '```'),
    );
  });

  it('appends the code before the cursor last and verbatim: the text ends where the cursor is', () => {
    const completion = { path: 'src/app.ts', language: 'typescript', prefix: 'function g() {\n  const x = ' };
    assert.equal(
      renderContext([app, util], { format: 'text', completion }),
      lines('// File: src/app.ts', 'export const a = 1;', '', '# File: src/util.py', 'def f():', '    return 2', '') +
        '// File: src/app.ts (up to the cursor)\nfunction g() {\n  const x = ',
    );
  });

  it('appends the code before the cursor even when no file kept anything', () => {
    const completion = { path: 'main.py', language: 'python', prefix: 'def main():\n    ' };
    assert.equal(renderContext([unused], { format: 'text', completion }), '# File: main.py (up to the cursor)\ndef main():\n    ');
  });

  it('in markdown fences the code before the cursor as the last block', () => {
    const completion = { path: 'main.py', language: 'python', prefix: 'def main():\n    x = ' };
    assert.equal(
      renderContext([util], { format: 'markdown', completion }),
      lines('File: `src/util.py`', '```python', 'def f():', '    return 2', '```', '', 'File: `main.py` (up to the cursor)', '```python', 'def main():', '    x = ', '```'),
    );
  });
});
