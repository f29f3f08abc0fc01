import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileImports } from '../../../../src/core/retrieval/structure/fileImports';
import { importStatements } from '../../../../src/core/retrieval/structure/importStatements';

const names = (text: string, language: string) =>
  importStatements(text, language).map((s) => [s.module, s.names.map((n) => (n.name === n.local ? n.name : `${n.name}:${n.local}`)).join(','), s.namespace ?? '', s.wildcard ? '*' : '']);

test('imports read per language: modules, names with their local aliases, namespaces, wildcards', () => {
  assert.deepEqual(names('from ..codec import (\n    encode as enc,\n    decode,\n)\nimport os.path as osp, json\nfrom .x import *\n', 'python'), [
    ['..codec', 'encode:enc,decode', '', ''],
    ['.x', '', '', '*'],
    ['os.path', '', 'osp', ''],
    ['json', '', 'json', ''],
  ]);
  assert.deepEqual(names("import def, { a as b, type T } from './m.js';\nimport * as ns from \"./n\";\nexport * from './o';\nconst { p, q: r } = require('./p');\n", 'typescript'), [
    ['./m.js', 'a:b,T,default:def', '', ''],
    ['./n', '', 'ns', ''],
    ['./o', '', '', '*'],
    ['./p', 'p,q:r', '', ''],
  ]);
  assert.deepEqual(names('import a.b.C;\nimport static a.u.Checks.validate;\nimport a.d.*;\n', 'java'), [
    ['a.b.C', 'C', 'C', ''],
    ['a.u.Checks', 'validate', '', ''],
    ['a.d', '', '', '*'],
  ]);
  assert.deepEqual(names('import (\n\t"fmt"\n\tc "example.com/app/codec"\n\t_ "embed"\n)\n', 'go'), [
    ['fmt', '', 'fmt', ''],
    ['example.com/app/codec', '', 'c', ''],
  ]);
  assert.deepEqual(names('use crate::codec::{encode, io::{read as r, *}};\nmod util;\n', 'rust'), [
    ['crate::codec', 'encode', '', ''],
    ['crate::codec::io', 'read:r', '', ''],
    ['crate::codec::io', '', '', '*'],
    ['self::util', '', 'util', ''],
  ]);
  assert.deepEqual(names('#include "util/str.h"\n#include <stdio.h>\n', 'c'), [['util/str.h', '', '', '*']]);
  assert.deepEqual(names('# from x import y\n"import z"\n', 'ruby'), []);
});

test('imports resolve to the context’s files: relative Python and TS modules, a name that is a module, a header’s source file', () => {
  const context = (paths: string[]) => ({ paths: new Set(paths), namespaces: new Map() });
  const py = fileImports('pkg/sub/a.py', 'from .. import util\nfrom ..codec import encode\nimport pkg.models\n', 'python', context(['pkg/sub/a.py', 'pkg/util.py', 'pkg/codec/__init__.py', 'src/pkg/models.py']));
  assert.deepEqual(py.namespaces.get('util'), ['pkg/util.py']);
  assert.deepEqual(py.names.get('encode'), { name: 'encode', files: ['pkg/codec/__init__.py'] });
  assert.deepEqual(py.namespaces.get('pkg.models'), ['src/pkg/models.py']);
  const ts = fileImports('src/a.ts', "import { x } from './b.js';\nimport y from './c';\nimport z from 'react';\n", 'typescript', context(['src/a.ts', 'src/b.ts', 'src/c/index.tsx']));
  assert.deepEqual([...ts.files], ['src/b.ts', 'src/c/index.tsx']);
  const c = fileImports('app/main.c', '#include "lib/str.h"\n', 'c', context(['app/main.c', 'lib/str.h', 'lib/str.c']));
  assert.deepEqual(c.wildcardFiles, ['lib/str.h', 'lib/str.c']);
});
