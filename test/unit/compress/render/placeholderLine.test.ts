import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGES } from '../../../../src/core/languages/languageTable';
import { placeholderLine } from '../../../../src/core/compress/render/renderContext';

describe('placeholder line', () => {
  it('speaks each language’s own comment syntax', () => {
    const expected: Record<string, string> = {
      python: '# ... 12 lines omitted',
      javascript: '// ... 12 lines omitted',
      typescript: '// ... 12 lines omitted',
      tsx: '// ... 12 lines omitted',
      java: '// ... 12 lines omitted',
      go: '// ... 12 lines omitted',
      rust: '// ... 12 lines omitted',
      c: '// ... 12 lines omitted',
      cpp: '// ... 12 lines omitted',
      csharp: '// ... 12 lines omitted',
      ruby: '# ... 12 lines omitted',
      php: '// ... 12 lines omitted',
    };
    assert.deepEqual(Object.keys(expected).sort(), LANGUAGES.map((l) => l.id).sort());
    for (const [language, line] of Object.entries(expected)) assert.equal(placeholderLine(language, 12), line, language);
  });

  it('is neutral for a language we do not know', () => {
    assert.equal(placeholderLine(undefined, 3), '... 3 lines omitted');
    assert.equal(placeholderLine('cobol', 3), '... 3 lines omitted');
  });

  it('says "1 line" for one line', () => {
    assert.equal(placeholderLine('go', 1), '// ... 1 line omitted');
  });

  it('sits at the indentation it is given, tabs included', () => {
    assert.equal(placeholderLine('rust', 4, '        '), '        // ... 4 lines omitted');
    assert.equal(placeholderLine('go', 4, '\t\t'), '\t\t// ... 4 lines omitted');
  });

  it('is a no-op statement where Python needs a statement, a comment in languages that need none', () => {
    assert.equal(placeholderLine('python', 7, '    ', 'statement'), '    ...  # 7 lines omitted');
    assert.equal(placeholderLine('ruby', 7, '  ', 'statement'), '  # ... 7 lines omitted');
    assert.equal(placeholderLine('java', 7, '', 'statement'), '// ... 7 lines omitted');
  });
});
