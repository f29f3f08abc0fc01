// An oracle for "which functions and methods does this file define", independent of tree-sitter:
// universal-ctags (Debian's 5.9), run once per language over a list of files, plus a few reads of the source
// text to flag what our chunker leaves inside something else by design (nested functions, object-literal
// members, bodiless declarations, ...). The flags never drop a definition: compareWithCtags counts them.
// docs/corpora.md has the per-language kind table, the reasons, and the ctags quirks met on the corpora.
// Node built-ins only.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export type OracleLanguage =
  | 'python' | 'javascript' | 'typescript' | 'tsx' | 'java' | 'go' | 'rust' | 'c' | 'cpp' | 'csharp' | 'ruby' | 'php';

export const ORACLE_LANGUAGES: readonly OracleLanguage[] = [
  'python', 'javascript', 'typescript', 'tsx', 'java', 'go', 'rust', 'c', 'cpp', 'csharp', 'ruby', 'php',
];

/**
 * Why a definition may differ from our chunker's function chunks. Detected from the oracle's output and the
 * source text; a definition can carry several.
 */
export type DefinitionFlag =
  /** Defined inside another function's or method's body (a nested function, a local function, a lambda). */
  | 'nested'
  /** A declaration without a body: prototype, interface/abstract/trait method, overload signature, extern. */
  | 'no-body'
  /** No name to match on (ctags' __anon…/AnonymousFunction…, `export default function () {}`). */
  | 'anonymous'
  /** A member of an object literal (`{ m() {}, f: () => 1 }`), which stays inside its declaration. */
  | 'object-literal'
  /** Inside an expression: an IIFE, a call's argument, a class expression, an anonymous class. */
  | 'in-expression'
  /** Inside a top-level statement block (`if`, `try`, `with`, ...) rather than at top level. */
  | 'in-statement-block'
  /** A function assigned to a member: `X.prototype.f = function`, `exports.f = () => ...`. */
  | 'member-assignment'
  /** `const f = wrapper(() => ...)` (React.forwardRef, memo, ...): the function is a call's argument. */
  | 'wrapped-in-call'
  /** A Python lambda bound to a name (`f = lambda x: ...`). */
  | 'lambda'
  /** Not a function at all: a ctags misreading (a Java record header reported as a method). */
  | 'not-a-function';

export interface OracleDefinition {
  /** The path exactly as it was given to the oracle. */
  readonly path: string;
  readonly name: string;
  /** Other names the same definition goes by (`const f = function g() {}` is both f and g). */
  readonly aliases?: readonly string[];
  /** The oracle's kind: a ctags kind name (`function`, `method`, `member`, `singletonMethod`, ...). */
  readonly kind: string;
  /** 1-based line of the definition's name (ctags' `line`; not the line of a decorator or doc comment). */
  readonly line: number;
  /** 1-based last line, where the oracle knows it (ctags 5.9: not for JavaScript, TypeScript, Rust, PHP). */
  readonly endLine?: number;
  /** Qualified owner as the oracle spells it (`juce::AbstractFifo`, `C.Inner`, `App\K`, `p.S`). */
  readonly scope?: string;
  readonly scopeKind?: string;
  readonly flags: readonly DefinitionFlag[];
  readonly oracle: 'ctags' | 'typescript';
}

interface KindRule {
  /** ctags' name of the language (`--language-force`). */
  readonly ctagsLanguage: string;
  /** ctags kinds that are functions or methods. */
  readonly kinds: readonly string[];
  /** Kinds that count only when the value is a function (`const f = () => ...`, a class field arrow). */
  readonly valueKinds?: readonly string[];
  /** Kinds whose members' owner is a function (for nesting, when ctags gives no end line). */
  readonly functionScopeKinds: readonly string[];
  /** Whether a bodiless declaration can be reported under these kinds (then the text is checked). */
  readonly checkBody: boolean;
}

/** The kinds that count as "function or method", per language. docs/corpora.md gives the reason for each. */
export const CTAGS_KIND_TABLE: Readonly<Record<OracleLanguage, KindRule>> = {
  python: { ctagsLanguage: 'Python', kinds: ['function', 'member'], functionScopeKinds: ['function', 'member'], checkBody: false },
  javascript: {
    ctagsLanguage: 'JavaScript',
    kinds: ['function', 'method', 'generator', 'getter', 'setter'],
    valueKinds: ['constant', 'variable', 'field', 'property'],
    functionScopeKinds: ['function', 'method', 'generator', 'getter', 'setter'],
    checkBody: false,
  },
  // ctags 5.9 loses a class's scope after its first arrow-function field or bodiless member and then reports
  // the class's locals as top-level constants: use tsCompilerOracle for these two (oracleDefinitions does).
  typescript: {
    ctagsLanguage: 'TypeScript',
    kinds: ['function', 'method', 'generator'],
    valueKinds: ['constant', 'variable', 'property'],
    functionScopeKinds: ['function', 'method', 'generator'],
    checkBody: true,
  },
  tsx: {
    ctagsLanguage: 'TypeScript',
    kinds: ['function', 'method', 'generator'],
    valueKinds: ['constant', 'variable', 'property'],
    functionScopeKinds: ['function', 'method', 'generator'],
    checkBody: true,
  },
  java: { ctagsLanguage: 'Java', kinds: ['method'], functionScopeKinds: ['method'], checkBody: true },
  go: { ctagsLanguage: 'Go', kinds: ['func'], functionScopeKinds: ['func'], checkBody: true },
  rust: { ctagsLanguage: 'Rust', kinds: ['function', 'method'], functionScopeKinds: ['function', 'method'], checkBody: true },
  c: { ctagsLanguage: 'C', kinds: ['function'], functionScopeKinds: ['function'], checkBody: false },
  cpp: { ctagsLanguage: 'C++', kinds: ['function'], functionScopeKinds: ['function'], checkBody: false },
  csharp: { ctagsLanguage: 'C#', kinds: ['method'], functionScopeKinds: ['method'], checkBody: true },
  ruby: { ctagsLanguage: 'Ruby', kinds: ['method', 'singletonMethod'], functionScopeKinds: ['method', 'singletonMethod'], checkBody: false },
  php: { ctagsLanguage: 'PHP', kinds: ['function'], functionScopeKinds: ['function'], checkBody: true },
};

interface CtagsTag {
  readonly _type: string;
  readonly name: string;
  readonly path: string;
  readonly line: number;
  readonly end?: number;
  readonly kind: string;
  readonly scope?: string;
  readonly scopeKind?: string;
}

export interface CtagsOptions {
  /** The ctags executable (default `ctags` on PATH; must be universal-ctags). */
  readonly ctagsPath?: string;
  /** Folder relative paths are resolved against (ctags' working directory). */
  readonly cwd?: string;
}

export interface CtagsRun {
  /** The raw tags, grouped by path. */
  readonly tagsByPath: Map<string, CtagsTag[]>;
  /**
   * Lines where ctags warned "ignoring null tag", by path: the JavaScript parser's mark of a construct it did
   * not understand (a method named `get`, `set` or `default`, ...); what follows in that class is often lost.
   */
  readonly warnings: Map<string, number[]>;
}

/** Runs ctags once over the files (all of one language) and returns the raw tags and its warnings. */
export function runCtags(language: OracleLanguage, files: readonly string[], options: CtagsOptions = {}): CtagsRun {
  const rule = CTAGS_KIND_TABLE[language];
  const byPath = new Map<string, CtagsTag[]>();
  const warnings = new Map<string, number[]>();
  if (files.length === 0) return { tagsByPath: byPath, warnings };
  const result = spawnSync(
    options.ctagsPath ?? 'ctags',
    [
      '--output-format=json',
      '--fields=+neKZS',
      '--sort=no',
      // One language per run: .h files are C in the C corpus, .tsx files are TypeScript (ctags 5.9 maps neither).
      `--language-force=${rule.ctagsLanguage}`,
      '-f', '-',
      '-L', '-',
    ],
    { input: files.join('\n') + '\n', cwd: options.cwd, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (result.error) throw new Error(`ctags could not run: ${result.error.message} (scripts/setup-corpora.sh installs it)`);
  if (result.status !== 0) throw new Error(`ctags exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  for (const line of result.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const tag = JSON.parse(line) as CtagsTag;
    if (tag._type !== 'tag') continue;
    let list = byPath.get(tag.path);
    if (!list) byPath.set(tag.path, (list = []));
    list.push(tag);
  }
  for (const m of result.stderr.matchAll(/^ctags: Warning: ignoring null tag in (.*)\(line: (\d+)\)$/gm)) {
    const lines = warnings.get(m[1]);
    if (lines) lines.push(Number(m[2]));
    else warnings.set(m[1], [Number(m[2])]);
  }
  return { tagsByPath: byPath, warnings };
}

/** What an oracle answers: the definitions, and the files it had trouble with (path → lines). */
export interface OracleResult {
  readonly definitions: OracleDefinition[];
  readonly warnings: ReadonlyMap<string, readonly number[]>;
}

/** The function and method definitions ctags finds in the files, flagged (see DefinitionFlag). */
export function ctagsDefinitions(language: OracleLanguage, files: readonly string[], options: CtagsOptions = {}): OracleDefinition[] {
  return ctagsOracle(language, files, options).definitions;
}

/** ctagsDefinitions, with the files ctags warned about (pass them to compareWithCtags). */
export function ctagsOracle(language: OracleLanguage, files: readonly string[], options: CtagsOptions = {}): OracleResult {
  const rule = CTAGS_KIND_TABLE[language];
  const { tagsByPath, warnings } = runCtags(language, files, options);
  const definitions: OracleDefinition[] = [];
  for (const file of files) {
    const tags = tagsByPath.get(file);
    if (!tags) continue;
    const source = new SourceText(resolvePath(file, options.cwd));
    definitions.push(...fileDefinitions(language, rule, file, tags, source));
  }
  return { definitions, warnings };
}

function resolvePath(file: string, cwd: string | undefined): string {
  return cwd && !file.startsWith('/') ? `${cwd}/${file}` : file;
}

/** The lines of one file, read once. */
export class SourceText {
  readonly lines: readonly string[];
  constructor(file: string) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      // unreadable: every text check then answers "no"
    }
    this.lines = text.split(/\r\n|\r|\n/);
  }
  /** 1-based. */
  line(n: number): string {
    return this.lines[n - 1] ?? '';
  }
  indent(n: number): number {
    const m = /^[ \t]*/.exec(this.line(n));
    return m ? m[0].replace(/\t/g, '    ').length : 0;
  }
}

const ANONYMOUS = /^(__anon[0-9a-f]+|Anonymous(Function|Class|Object)[0-9a-f]*)$/;
/** An owner that is an anonymous class or function: PHP's `new class {...}`, JavaScript's callbacks. (C++'s
 * `__anon` scopes are anonymous namespaces and structs, which are containers like any other.) */
const ANONYMOUS_SCOPE = /(^|[.:\\])(AnonymousClass[0-9a-f]*|AnonymousObject[0-9a-f]*|AnonymousFunction[0-9a-f]*)($|[.:\\])/;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function fileDefinitions(language: OracleLanguage, rule: KindRule, file: string, tags: CtagsTag[], source: SourceText): OracleDefinition[] {
  const jsLike = language === 'javascript' || language === 'typescript' || language === 'tsx';
  const candidates: { tag: CtagsTag; kind: string; flags: Set<DefinitionFlag>; aliases: string[] }[] = [];
  const seen = new Set<string>();
  for (const tag of tags) {
    // ctags reports `x.f = function f() {}` twice (as a member of x and as a plain function): keep one.
    const key = `${tag.line}\u0000${tag.name}\u0000${tag.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // ctags calls an ES5 constructor function (one with prototype members) a class.
    if (jsLike && tag.kind === 'class' && new RegExp(`\\bfunction\\s*${escapeRe(tag.name)}\\s*\\(`).test(source.line(tag.line))) {
      candidates.push({ tag, kind: 'function', flags: new Set(), aliases: [] });
      continue;
    }
    const isFunctionKind = rule.kinds.includes(tag.kind);
    const isValueKind = !isFunctionKind && (rule.valueKinds?.includes(tag.kind) ?? false);
    if (!isFunctionKind && !isValueKind) continue;
    const flags = new Set<DefinitionFlag>();
    if (isValueKind) {
      const value = functionValueAfter(source.line(tag.line), tag.name);
      if (value === 'none') continue;
      if (value === 'wrapped') flags.add('wrapped-in-call');
    }
    candidates.push({ tag, kind: tag.kind, flags, aliases: [] });
  }

  // `const f = function g() {}`: ctags reports both f (a constant) and g (a function) on that line.
  if (jsLike) {
    for (const c of candidates) {
      if (!rule.kinds.includes(c.kind)) continue;
      const twin = candidates.find((o) => o !== c && o.tag.line === c.tag.line && !rule.kinds.includes(o.kind) && o.aliases.length === 0);
      if (twin) {
        twin.aliases.push(c.tag.name);
        c.aliases.push('\u0000merged');
      }
    }
  }

  // Function-like ranges of this file, for nesting where ctags gives end lines.
  const ranges = candidates
    .filter((c) => c.tag.end !== undefined)
    .map((c) => ({ line: c.tag.line, end: c.tag.end as number, indent: source.indent(c.tag.line) }));
  const classTags = tags.filter((t) => t.kind === 'class');

  const out: OracleDefinition[] = [];
  for (const c of candidates) {
    if (c.aliases.includes('\u0000merged')) continue;
    const { tag, flags } = c;
    const text = source.line(tag.line);
    const indent = source.indent(tag.line);

    if (ANONYMOUS.test(tag.name)) flags.add('anonymous');
    if (tag.scope && ANONYMOUS_SCOPE.test(tag.scope)) flags.add('in-expression');

    if (language === 'ruby') {
      // ctags 5.9's Ruby parser loses `end` pairing (endless defs, some modifiers), so its scopes and end lines
      // are not trusted here: the owner chain is read from the indentation instead (see rubyOwners).
      const owners = rubyOwners(source, tag.line);
      if (owners.includes('def')) flags.add('nested');
      else if (owners.includes('block')) flags.add('in-expression');
      else if (owners.includes('statement')) flags.add('in-statement-block');
      out.push(definition(file, c, flags));
      continue;
    }

    // Nested: inside another function's range (deeper indented, so a ctags scope slip does not count), or
    // owned by a function according to ctags' scope.
    // `X.prototype.f = function`, `exports.f = () => ...`, `util.f = function f()`: a statement at its level;
    // ctags' scope then names the object assigned to, not an enclosing function.
    const memberAssignment = jsLike && (/^\s*[\w$]+(\.[\w$]+)+\s*=[^=]/.test(text) || tag.scope === 'module.exports' || tag.scope === 'exports');
    if (memberAssignment) {
      flags.add('member-assignment');
      if (indent > 0) flags.add('nested');
      out.push(definition(file, c, flags));
      continue;
    }

    const inRange = ranges.some((r) => r.line < tag.line && tag.line <= r.end && indent > r.indent);
    const sameLineLambda = ranges.some((r) => r.line === tag.line && r.end >= (tag.end ?? tag.line) && flags.has('anonymous'));
    const scopeIsFunction = tag.scopeKind !== undefined && rule.functionScopeKinds.includes(tag.scopeKind);
    if (inRange || sameLineLambda || (scopeIsFunction && !hasEnds(language))) flags.add('nested');
    else if (scopeIsFunction && hasEnds(language) && tag.end === undefined) flags.add('nested');

    // Not under any container (class, module, namespace...) yet indented: inside a statement or an expression.
    const unscoped = tag.scope === undefined || ['namespace', 'package'].includes(tag.scopeKind ?? '');
    if (unscoped && !flags.has('nested') && indent > 0 && ['python', 'ruby', 'php', 'javascript', 'typescript', 'tsx'].includes(language)) {
      flags.add(jsLike && !jsOwnerIsStatement(source, tag.line) ? 'in-expression' : 'in-statement-block');
    }

    if (jsLike) {
      if (tag.scopeKind === 'class' && tag.scope !== undefined) {
        // ctags calls any object literal holding functions a class: look at the line that opens it.
        const owner = tag.scope.split('.').pop() as string;
        const opener = classTags
          .filter((t) => t.name === owner && t.line <= tag.line)
          .sort((a, b) => b.line - a.line)[0];
        if (opener && !new RegExp(`\\bclass\\b`).test(source.line(opener.line))) flags.add('object-literal');
      }
    }
    if (language === 'python' && new RegExp(`\\b${escapeRe(tag.name)}\\s*=\\s*lambda\\b`).test(text)) flags.add('lambda');
    if (language === 'java' && new RegExp(`\\brecord\\s+${escapeRe(tag.name)}\\b`).test(text)) flags.add('not-a-function');
    if (rule.checkBody && !flags.has('not-a-function') && !hasBody(language, source, tag)) flags.add('no-body');

    out.push(definition(file, c, flags));
  }
  return out;
}

function definition(file: string, c: { tag: CtagsTag; kind: string; aliases: string[] }, flags: Set<DefinitionFlag>): OracleDefinition {
  const { tag } = c;
  return {
    path: file,
    name: tag.name,
    ...(c.aliases.length > 0 ? { aliases: c.aliases } : {}),
    kind: c.kind,
    line: tag.line,
    ...(tag.end !== undefined ? { endLine: tag.end } : {}),
    ...(tag.scope !== undefined ? { scope: tag.scope } : {}),
    ...(tag.scopeKind !== undefined ? { scopeKind: tag.scopeKind } : {}),
    flags: [...flags],
    oracle: 'ctags',
  };
}

/**
 * What a Ruby definition at `line` sits in, innermost first, read from the indentation (Ruby code is
 * conventionally indented): each less-indented line above opens an owner. `class`/`module` (and
 * `class << self`) are containers; `def` is a function; `if`/`unless`/`case`/`begin`/loops and their
 * `else`/`rescue`/`when` are statements; a line ending in `do`/`do |x|`/`{` opens a block (Struct.new do,
 * class_eval do, ...). `private`/`protected`/`public` lines that some styles indent under are skipped.
 * Lines inside heredocs and `=begin` comments are ignored.
 */
export function rubyOwners(source: SourceText, line: number): ('container' | 'def' | 'statement' | 'block' | 'other')[] {
  const ignored = rubyIgnoredLines(source);
  const owners: ('container' | 'def' | 'statement' | 'block' | 'other')[] = [];
  let indent = source.indent(line);
  for (let n = line - 1; n >= 1 && indent > 0; n--) {
    const text = source.line(n).trim();
    if (text === '' || text.startsWith('#') || ignored.has(n)) continue;
    const i = source.indent(n);
    if (i >= indent) continue;
    indent = i;
    if (/^(private|protected|public|module_function)\b\s*$/.test(text)) { indent = i + 1; continue; }
    if (/^(class|module)\b/.test(text)) owners.push('container');
    else if (/^def\b/.test(text)) owners.push('def');
    else if (/^(if|unless|case|begin|while|until|for|else|elsif|rescue|ensure|when|in)\b/.test(text)) owners.push('statement');
    else if (/(\bdo(\s*\|[^|]*\|)?|\{(\s*\|[^|]*\|)?)\s*(#.*)?$/.test(text)) owners.push('block');
    else owners.push('other');
  }
  return owners;
}

const rubyIgnoredCache = new WeakMap<SourceText, Set<number>>();
function rubyIgnoredLines(source: SourceText): Set<number> {
  let set = rubyIgnoredCache.get(source);
  if (set) return set;
  set = new Set<number>();
  let heredoc: RegExp | null = null;
  let blockComment = false;
  source.lines.forEach((text, index) => {
    const n = index + 1;
    if (blockComment) {
      set!.add(n);
      if (/^=end\b/.test(text)) blockComment = false;
      return;
    }
    if (heredoc) {
      set!.add(n);
      if (heredoc.test(text)) heredoc = null;
      return;
    }
    if (/^=begin\b/.test(text)) { blockComment = true; set!.add(n); return; }
    const opener = /<<([~-]?)(['"`]?)([A-Z_][A-Z0-9_]*)\2/.exec(text);
    if (opener) heredoc = opener[1] ? new RegExp(`^\\s*${opener[3]}\\s*$`) : new RegExp(`^${opener[3]}\\s*$`);
  });
  rubyIgnoredCache.set(source, set);
  return set;
}

/**
 * For a JavaScript function ctags reports without scope but indented: whether the nearest less-indented line
 * above opens a statement block (`if`, `else`, `try`, `catch`, loops, `switch`, a bare `{`) rather than an
 * expression (an IIFE, a callback, an object literal).
 */
function jsOwnerIsStatement(source: SourceText, line: number): boolean {
  const indent = source.indent(line);
  for (let n = line - 1; n >= 1; n--) {
    const text = source.line(n).trim();
    if (text === '' || text.startsWith('//') || text.startsWith('*') || text.startsWith('/*')) continue;
    if (source.indent(n) >= indent) continue;
    return /^(\}\s*)?(if|else|try|catch|finally|for|while|do|switch|case|default)\b/.test(text) || text === '{';
  }
  return false;
}

/** Languages whose function tags carry ctags' `end` field in 5.9. */
function hasEnds(language: OracleLanguage): boolean {
  return ['python', 'java', 'go', 'c', 'cpp', 'csharp', 'ruby'].includes(language);
}

/**
 * What follows `name` on its line when ctags reports it as a constant, variable, field or property:
 * a function (`= (a) => ...`, `= async function`, `: function`), a function wrapped in a call
 * (`= React.forwardRef((props, ref) => ...)`), or something else.
 */
function functionValueAfter(line: string, name: string): 'function' | 'wrapped' | 'none' {
  const at = line.search(new RegExp(`(^|[^\\w$])${escapeRe(name)}\\s*(\\?|!)?\\s*(:[^=]*)?[=:]`));
  if (at < 0) return 'none';
  const rest = line.slice(at).replace(new RegExp(`^[^\\w$]?${escapeRe(name)}`), '');
  const value = rest.replace(/^\s*[?!]?\s*(:\s*[^=]*?)?\s*[=:]\s*/, '');
  const fn = /^(async\s+)?(function\b|\*|(\([^)]*\)|[\w$]+)\s*(:\s*[^=]+)?=>|\((\s*[\w$]+\s*(,|\)|:)|\s*\)|\s*\{|\s*\[))/;
  if (fn.test(value)) {
    // `(a) =>` or `function`: a parenthesised start is a function only if an arrow follows on the line.
    if (value.startsWith('(') && !/=>/.test(value)) return 'none';
    return 'function';
  }
  if (/^[\w$.]+(<[^>]*>)?\(\s*(async\s+)?(function\b|\([^)]*\)\s*(:\s*[^=]+)?=>|[\w$]+\s*=>)/.test(value)) return 'wrapped';
  return 'none';
}

/**
 * Whether the definition at tag.line has a body: scans from the name for the first `{` (or `=>` in C#/TS/PHP)
 * versus `;` at bracket depth 0, skipping strings and comments (roughly). For Go, a line end at depth 0 ends
 * a bodiless declaration.
 */
function hasBody(language: OracleLanguage, source: SourceText, tag: CtagsTag): boolean {
  const maxLines = 40;
  let depth = 0;
  let started = false;
  for (let n = tag.line; n < tag.line + maxLines && n <= source.lines.length; n++) {
    let text = source.line(n);
    if (n === tag.line) {
      const at = text.indexOf(tag.name);
      if (at >= 0) text = text.slice(at + tag.name.length);
    }
    let quote: string | null = null;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === '/' && text[i + 1] === '/') break;
      if (ch === '#' && (language === 'php' || language === 'python' || language === 'ruby')) break;
      if (ch === '"' || ch === "'" || ch === '`') {
        // Rust lifetimes ('a) are not quotes.
        if (ch === "'" && language === 'rust' && /[A-Za-z_]/.test(text[i + 1] ?? '') && text[i + 2] !== "'") continue;
        quote = ch;
        continue;
      }
      if (ch === '(' || ch === '[' || ch === '<' && language !== 'php' && language !== 'go') {
        depth++;
        started = true;
      } else if (ch === ')' || ch === ']' || (ch === '>' && text[i - 1] !== '-' && text[i - 1] !== '=' && language !== 'php' && language !== 'go')) {
        depth = Math.max(0, depth - 1);
      } else if (depth === 0) {
        if (ch === '{') return true;
        if (ch === ';') return false;
        if (ch === '=' && text[i + 1] === '>' && language !== 'rust') return true;
      }
    }
    if (language === 'go' && started && depth === 0) return false;
  }
  return true;
}
