import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionHeaderLine, fileHeaderLine } from '../../../../src/core/compress/render/renderContext';

describe('file header line', () => {
  it('is a line comment of the file’s language, naming its path', () => {
    assert.equal(fileHeaderLine('src/app.py', 'python'), '# File: src/app.py');
    assert.equal(fileHeaderLine('lib/models/user.rb', 'ruby'), '# File: lib/models/user.rb');
    assert.equal(fileHeaderLine('src/app.ts', 'typescript'), '// File: src/app.ts');
    assert.equal(fileHeaderLine('cmd/main.go', 'go'), '// File: cmd/main.go');
  });

  it('opens and closes the PHP tag, so the line is PHP and the file’s own tag still follows', () => {
    assert.equal(fileHeaderLine('src/Router.php', 'php'), '<?php // File: src/Router.php ?>');
  });

  it('is plain for a language we do not know', () => {
    assert.equal(fileHeaderLine('docs/notes.txt', undefined), 'File: docs/notes.txt');
  });

  it('in markdown stands outside the fence as inline code, so underscores stay underscores', () => {
    assert.equal(fileHeaderLine('pkg/__init__.py', 'python', 'markdown'), 'File: `pkg/__init__.py`');
    assert.equal(fileHeaderLine('odd`name.js', 'javascript', 'markdown'), 'File: `` odd`name.js ``');
  });

  it('marks the completion tail as the code up to the cursor; PHP leaves its tag open for that code', () => {
    assert.equal(completionHeaderLine('src/app.py', 'python'), '# File: src/app.py (up to the cursor)');
    assert.equal(completionHeaderLine('src/Router.php', 'php'), '<?php // File: src/Router.php (up to the cursor)');
    assert.equal(completionHeaderLine('src/app.ts', 'typescript', 'markdown'), 'File: `src/app.ts` (up to the cursor)');
  });
});
