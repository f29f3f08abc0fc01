// Blocks around definitions (a module-level `if`/`try`, `#ifdef`, `extern "C" { }`) and the shapes next
// to them (a nested class that ends its class, an enum whose constants have bodies): whatever subset of
// chunks is kept, with the containers and blocks around them brought along, the rendered code parses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderContext } from '../../../src/core/compress/render/renderContext';
import { languageForPath } from '../../../src/core/languages/languageTable';
import { testChunker } from '../../helpers/chunking';
import { newSyntaxErrors, pythonCompileErrors, renderedSections } from '../../helpers/reparse';
import { linesOfChunks, withContainers } from '../compress/render/randomSelections';

const SOURCES: Record<string, string> = {
  'compat.py': `import sys

if sys.platform == "win32":
    def sep():
        return "\\\\"
else:
    def sep():
        return "/"

try:
    from _speedups import scan

    def fast():
        return scan
except ImportError:
    def fast():
        return None
`,
  'limiter.py': `class Limiter:
    def take(self):
        return 1

    class Stats:
        def record(self):
            pass
`,
  'ring.h': `#ifndef RING_H
#define RING_H

#include <stddef.h>

#ifdef RING_INLINE
static inline size_t ring_mask(size_t capacity)
{
    return capacity - 1;
}
#else
size_t ring_mask(size_t capacity);
#endif

int ring_push(char c);

#endif /* RING_H */
`,
  'api.cpp': `#include <cstddef>

extern "C" {
int api_version(void) {
    return 2;
}

#if defined(_WIN32)
void api_flush(void) { FlushAll(); }
#else
void api_flush(void) { sync(); }
#endif
}
`,
  'Op.java': `enum Op {
    PLUS {
        int apply(int a) { return a; }
    },
    MINUS {
        int apply(int a) { return -a; }
    };

    abstract int apply(int a);

    static Op of(String sign) {
        return PLUS;
    }
}

enum Shape {
    ROUND {
        void draw() {}
    },
    SQUARE {
        void draw() {}
    };
}
`,
  'compat.rb': `begin
  require "fast"

  def speed
    Fast.go
  end
rescue LoadError
  def speed
    0
  end
end

case RUBY_ENGINE
when "jruby"
  def engine
    :java
  end
else
  def engine
    :c
  end
end
`,
  'compat.php': `<?php
if (PHP_VERSION_ID >= 80000) {
    function a() { return 1; }
} elseif (PHP_VERSION_ID >= 70000) {
    function a() { return 2; }
} else {
    function a() { return 3; }
}

if (!function_exists('b')):
    function b() { return 1; }
endif;

try {
    function c() { return 1; }
} catch (Error $e) {
}
`,
  'Log.cs': `class Log
{
    void Info() { }

#if DEBUG
    void Trace() { }

    void Dump() { }
#else
    void Trace() { }
#endif
}
`,
};

/** Every subset of the file's chunks (at most 2^13), with what they bring along, as kept lines. */
async function everySelection(path: string, text: string) {
  const file = await testChunker().chunkFile({ path, text });
  assert.ok(file.chunks.length <= 13, `${path}: too many chunks to try every subset`);
  const selections = new Map<string, ReturnType<typeof linesOfChunks>>();
  for (let mask = 1; mask < 1 << file.chunks.length; mask++) {
    const kept = new Set(file.chunks.filter((_, i) => mask & (1 << i)).map((chunk) => chunk.id));
    const lines = linesOfChunks(file, withContainers(file, kept));
    selections.set(JSON.stringify(lines), lines);
  }
  return [...selections.values()];
}

describe('blocks around definitions travel with them', () => {
  for (const [path, text] of Object.entries(SOURCES)) {
    it(`${path}: every subset of chunks renders without new syntax errors`, async () => {
      const source = { path, language: languageForPath(path)!.id, text };
      const failures: string[] = [];
      const python: string[] = [];
      for (const kept of await everySelection(path, text)) {
        const output = renderContext([{ ...source, kept }], { format: 'text' });
        for (const regression of await newSyntaxErrors(output, [source], 'text')) failures.push(regression.code);
        if (source.language === 'python') python.push(renderedSections(output, [source], 'text')[0]!.code);
      }
      pythonCompileErrors(python).forEach((error, i) => error && failures.push(`${error}\n${python[i]}`));
      assert.deepEqual(failures.slice(0, 2), []);
    });
  }
});
