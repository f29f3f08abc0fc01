/**
 * One import as written: the module it names and what it binds in the importing file. Read from the file's
 * text with a few patterns per language (docs/structure.md says why not from a syntax tree: compression gets
 * chunks, not trees, and import statements are line-level syntax these patterns read reliably).
 */
export interface ImportStatement {
  /** As written: `..utils.text`, `./parse.js`, `java.util.List`, `crate::io`, `net/http`, `util.h`. */
  readonly module: string;
  /** Names bound to the module's definitions: `from m import a as b` -> { name: 'a', local: 'b' }. */
  readonly names: readonly ImportedName[];
  /** The local name bound to the module itself (`import m as x`, `import * as x`, a Go package), if any. */
  readonly namespace?: string;
  /** Everything the module defines is in scope (`from m import *`, Java `a.b.*`, `#include`, C# `using`). */
  readonly wildcard?: boolean;
}

export interface ImportedName {
  /** The name in the module; `default` for a JavaScript default import. */
  readonly name: string;
  readonly local: string;
}

type ImportReader = (text: string) => ImportStatement[];

const IDENT = String.raw`[\p{L}_$][\p{L}\p{N}_$]*`;

/** `a as b`, `a`: the name and the local it binds (`separator`: ` as ` or `:` for JS destructuring). */
function binding(part: string, separator: RegExp): ImportedName | undefined {
  const [name, local] = part.trim().split(separator).map((s) => s.trim());
  if (!name || !new RegExp(`^${IDENT}$`, 'u').test(name)) return undefined;
  return { name, local: local && new RegExp(`^${IDENT}$`, 'u').test(local) ? local : name };
}

function bindings(list: string, separator: RegExp): ImportedName[] {
  return list
    .split(',')
    .map((part) => binding(part.replace(/^\s*type\s+/, ''), separator))
    .filter((b): b is ImportedName => b !== undefined);
}

function python(text: string): ImportStatement[] {
  const out: ImportStatement[] = [];
  const from = /^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]*\)|(?:[^\n#;\\]|\\\n)*)/gmu;
  for (const m of text.matchAll(from)) {
    const list = m[2]!.replace(/[()\\]/g, ' ');
    if (list.trim() === '*') out.push({ module: m[1]!, names: [], wildcard: true });
    else out.push({ module: m[1]!, names: bindings(list.replace(/#[^\n]*/g, ''), /\s+as\s+/) });
  }
  for (const m of text.matchAll(/^[ \t]*import[ \t]+([\w. \t,]+)/gmu)) {
    for (const part of m[1]!.split(',')) {
      const [module, alias] = part.trim().split(/\s+as\s+/);
      if (module) out.push({ module, names: [], namespace: alias ?? module });
    }
  }
  return out;
}

function javascript(text: string): ImportStatement[] {
  const out: ImportStatement[] = [];
  const clause = String.raw`((?:${IDENT}\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+${IDENT})?)|${IDENT})`;
  const from = new RegExp(String.raw`^[ \t]*(import|export)\s+(?:type\s+)?${clause}\s+from\s+['"]([^'"\n]+)['"]`, 'gmu');
  for (const m of text.matchAll(from)) {
    const [, verb, spec, module] = m as unknown as [string, string, string, string];
    const names: ImportedName[] = [];
    let namespace: string | undefined;
    let wildcard = false;
    const braces = /\{([^}]*)\}/.exec(spec);
    if (braces) names.push(...bindings(braces[1]!, /\s+as\s+/));
    const star = /\*(?:\s+as\s+([\p{L}_$][\p{L}\p{N}_$]*))?/u.exec(spec);
    if (star) {
      if (star[1]) namespace = star[1];
      else wildcard = true; // export * from: re-exports everything
    }
    const head = new RegExp(`^(${IDENT})\\s*(?:,|$)`, 'u').exec(spec.trim());
    if (verb === 'import' && head) names.push({ name: 'default', local: head[1]! });
    out.push({ module, names, namespace, wildcard });
  }
  for (const m of text.matchAll(/^[ \t]*import\s+['"]([^'"\n]+)['"]/gmu)) out.push({ module: m[1]!, names: [] });
  const require = new RegExp(String.raw`(?:const|let|var)\s+(${IDENT}|\{[^}]*\})\s*=\s*require\(\s*['"]([^'"\n]+)['"]\s*\)`, 'gu');
  for (const m of text.matchAll(require)) {
    const target = m[1]!;
    if (target.startsWith('{')) out.push({ module: m[2]!, names: bindings(target.slice(1, -1), /\s*:\s*/) });
    else out.push({ module: m[2]!, names: [{ name: 'default', local: target }], namespace: target });
  }
  return out;
}

function java(text: string): ImportStatement[] {
  const out: ImportStatement[] = [];
  for (const m of text.matchAll(/^[ \t]*import[ \t]+(static[ \t]+)?([\w.]+?)(\.\*)?[ \t]*;/gmu)) {
    const [, isStatic, path, star] = m as unknown as [string, string | undefined, string, string | undefined];
    if (star) out.push({ module: path, names: [], wildcard: true });
    else if (isStatic) {
      const dot = path.lastIndexOf('.');
      out.push({ module: path.slice(0, dot), names: [{ name: path.slice(dot + 1), local: path.slice(dot + 1) }] });
    } else {
      const name = path.slice(path.lastIndexOf('.') + 1);
      out.push({ module: path, names: [{ name, local: name }], namespace: name });
    }
  }
  return out;
}

function go(text: string): ImportStatement[] {
  const out: ImportStatement[] = [];
  const one = (alias: string | undefined, path: string) => {
    if (alias === '_') return;
    if (alias === '.') out.push({ module: path, names: [], wildcard: true });
    else out.push({ module: path, names: [], namespace: alias ?? path.slice(path.lastIndexOf('/') + 1) });
  };
  for (const block of text.matchAll(/^import\s*\(([\s\S]*?)\)/gmu)) {
    for (const m of block[1]!.matchAll(/^\s*([\w.]+\s+)?"([^"\n]+)"/gmu)) one(m[1]?.trim(), m[2]!);
  }
  for (const m of text.matchAll(/^import\s+([\w.]+\s+)?"([^"\n]+)"/gmu)) one(m[1]?.trim(), m[2]!);
  return out;
}

/** `use a::b::{c, d as e, f::*};` expanded into one path per leaf. */
function rust(text: string): ImportStatement[] {
  const out: ImportStatement[] = [];
  const leaf = (path: string) => {
    const [full, alias] = path.split(/\s+as\s+/).map((s) => s.trim());
    const segments = full!.split('::').filter(Boolean);
    const last = segments.pop();
    if (!last) return;
    const module = segments.join('::');
    if (last === '*') out.push({ module, names: [], wildcard: true });
    else if (last === 'self') out.push({ module, names: [], namespace: alias ?? segments.at(-1) });
    else out.push({ module, names: [{ name: last, local: alias ?? last }] });
  };
  const expand = (prefix: string, tree: string) => {
    const open = tree.indexOf('{');
    if (open < 0) return leaf(prefix + tree);
    const head = tree.slice(0, open);
    let depth = 0;
    let start = open + 1;
    for (let i = open; i < tree.length; i++) {
      const c = tree[i];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      if ((c === ',' && depth === 1) || depth === 0) {
        const part = tree.slice(start, i).trim();
        if (part) expand(prefix + head, part);
        start = i + 1;
        if (depth === 0) break;
      }
    }
  };
  for (const m of text.matchAll(/^[ \t]*(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);/gmu)) expand('', m[1]!.replace(/\s+/g, ' '));
  for (const m of text.matchAll(/^[ \t]*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;/gmu)) out.push({ module: `self::${m[1]}`, names: [], namespace: m[1] });
  return out;
}

function includes(text: string): ImportStatement[] {
  return [...text.matchAll(/^[ \t]*#[ \t]*include[ \t]*"([^"\n]+)"/gmu)].map((m) => ({ module: m[1]!, names: [], wildcard: true }));
}

function csharp(text: string): ImportStatement[] {
  const out: ImportStatement[] = [];
  for (const m of text.matchAll(/^[ \t]*(?:global\s+)?using\s+(?:static\s+)?(?:(\w+)\s*=\s*)?([\w.]+)\s*;/gmu)) {
    out.push({ module: m[2]!, names: [], wildcard: m[1] === undefined, namespace: m[1] });
  }
  return out;
}

/** Per language, how its imports read. A language without a row has no imports we follow. */
const READERS: Readonly<Record<string, ImportReader>> = {
  python,
  javascript,
  typescript: javascript,
  tsx: javascript,
  java,
  go,
  rust,
  c: includes,
  cpp: includes,
  csharp,
};

export function importStatements(text: string, language: string | undefined): ImportStatement[] {
  const reader = language === undefined ? undefined : READERS[language];
  return reader ? reader(text) : [];
}
