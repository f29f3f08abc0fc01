import * as posix from 'node:path/posix';

/** The context's files as module resolution needs them. */
export interface ContextFiles {
  readonly paths: ReadonlySet<string>;
  /** C#: the files declaring each namespace. */
  readonly namespaces: ReadonlyMap<string, readonly string[]>;
}

type Resolver = (module: string, from: string, files: ContextFiles) => string[];

/** Paths equal to `suffix` or ending with `/suffix`: a module named from a root we do not know. */
function withSuffix(files: ContextFiles, suffix: string): string[] {
  return [...files.paths].filter((p) => p === suffix || p.endsWith(`/${suffix}`));
}

function firstExisting(files: ContextFiles, candidates: readonly string[]): string[] {
  const hit = candidates.map((c) => posix.normalize(c)).find((c) => files.paths.has(c));
  return hit ? [hit] : [];
}

/** Files directly in a folder whose path ends with `dirSuffix`. */
function inFolder(files: ContextFiles, dirSuffix: string): string[] {
  return [...files.paths].filter((p) => {
    const dir = posix.dirname(p);
    return dir === dirSuffix || dir.endsWith(`/${dirSuffix}`);
  });
}

function python(module: string, from: string, files: ContextFiles): string[] {
  const dots = /^\.*/.exec(module)![0].length;
  const rest = module.slice(dots).split('.').filter(Boolean);
  if (dots > 0) {
    let dir = posix.dirname(from);
    for (let i = 1; i < dots; i++) dir = posix.dirname(dir);
    const base = posix.join(dir, ...rest);
    return firstExisting(files, rest.length ? [`${base}.py`, `${base}.pyi`, `${base}/__init__.py`] : [`${dir}/__init__.py`]);
  }
  const rel = rest.join('/');
  const modules = withSuffix(files, `${rel}.py`);
  return modules.length > 0 ? modules : withSuffix(files, `${rel}/__init__.py`);
}

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Relative specifiers only: bare ones name packages outside the context. `./x.js` may be `./x.ts` in source. */
function javascript(module: string, from: string): string[] {
  if (!module.startsWith('.')) return [];
  const base = posix.join(posix.dirname(from), module);
  const stem = base.replace(/\.(m|c)?jsx?$/, '');
  return [base, ...SCRIPT_EXTENSIONS.map((e) => stem + e), ...SCRIPT_EXTENSIONS.map((e) => `${base}/index${e}`)];
}

function java(module: string, _from: string, files: ContextFiles): string[] {
  const byClass = withSuffix(files, `${module.replace(/\./g, '/')}.java`);
  return byClass.length > 0 ? byClass : inFolder(files, module.replace(/\./g, '/')).filter((p) => p.endsWith('.java'));
}

/** The longest tail of the import path that names a folder of the context. */
function go(module: string, _from: string, files: ContextFiles): string[] {
  const segments = module.split('/');
  for (let i = 0; i < segments.length; i++) {
    const found = inFolder(files, segments.slice(i).join('/')).filter((p) => p.endsWith('.go'));
    if (found.length > 0) return found;
  }
  return [];
}

/** `crate::a::b`, `self::x`, `super::x`: the module file, or the module holding the item `b`. */
function rust(module: string, from: string, files: ContextFiles): string[] {
  const segments = module.split('::').filter(Boolean);
  const stem = posix.basename(from, '.rs');
  let dir: string | undefined = ['mod', 'lib', 'main'].includes(stem) ? posix.dirname(from) : posix.join(posix.dirname(from), stem);
  if (segments[0] === 'crate') {
    dir = undefined;
    segments.shift();
  } else if (segments[0] === 'self') segments.shift();
  while (segments[0] === 'super') {
    dir = posix.dirname(dir ?? '.');
    segments.shift();
  }
  for (let n = segments.length; n > 0; n--) {
    const rel = segments.slice(0, n).join('/');
    const candidates = [`${rel}.rs`, `${rel}/mod.rs`];
    const found = dir === undefined ? candidates.flatMap((c) => withSuffix(files, c)) : firstExisting(files, candidates.map((c) => posix.join(dir!, c)));
    if (found.length > 0) return found;
  }
  return [];
}

const HEADER = /\.(h|hh|hpp|hxx)$/;
const SOURCES = ['.c', '.cc', '.cpp', '.cxx'];

/** `#include "x.h"` next to the file, else anywhere by suffix; a header brings its same-named source file. */
function include(module: string, from: string, files: ContextFiles): string[] {
  const near = firstExisting(files, [posix.join(posix.dirname(from), module)]);
  const headers = near.length > 0 ? near : withSuffix(files, posix.normalize(module));
  const sources = headers.flatMap((h) => (HEADER.test(h) ? SOURCES.map((e) => h.replace(HEADER, e)).filter((s) => files.paths.has(s) && s !== from) : []));
  return [...headers, ...sources];
}

function csharp(module: string, _from: string, files: ContextFiles): string[] {
  return [...(files.namespaces.get(module) ?? [])];
}

const RESOLVERS: Readonly<Record<string, Resolver>> = {
  python,
  javascript: (m, f, files) => firstExisting(files, javascript(m, f)),
  typescript: (m, f, files) => firstExisting(files, javascript(m, f)),
  tsx: (m, f, files) => firstExisting(files, javascript(m, f)),
  java,
  go,
  rust,
  c: include,
  cpp: include,
  csharp,
};

/** The context's files a module names, as the importing file's language resolves it; none when outside the context. */
export function resolveModule(module: string, from: string, language: string | undefined, files: ContextFiles): string[] {
  const resolver = language === undefined ? undefined : RESOLVERS[language];
  return resolver ? resolver(module, from, files).filter((p) => p !== from) : [];
}

/** Where a name imported from a module may itself be a module (`from . import x`, `use a::b`). */
export function submodule(module: string, name: string, language: string | undefined): string | undefined {
  if (language === 'python') return module.endsWith('.') ? `${module}${name}` : `${module}.${name}`;
  if (language === 'rust') return module ? `${module}::${name}` : name;
  return undefined;
}
