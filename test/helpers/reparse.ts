import { spawnSync } from 'node:child_process';
import type { Parser } from 'web-tree-sitter';
import { countSyntaxErrors } from '../../src/core/chunking/countSyntaxErrors';
import { GrammarLoader } from '../../src/core/chunking/grammarLoader';
import { languageById } from '../../src/core/languages/languageTable';
import { completionHeaderLine, fileHeaderLine, type RenderFormat } from '../../src/core/compress/render/renderContext';
import { distDir } from './repoPaths';

const grammars = new GrammarLoader(distDir);
const parsers = new Map<string, Promise<Parser>>();

/** ERROR and MISSING nodes tree-sitter finds in `text` read as `language` (an id of the language table). */
export async function syntaxErrorsIn(language: string, text: string): Promise<number> {
  let parser = parsers.get(language);
  if (!parser) {
    parser = grammars.parserFor(language);
    parsers.set(language, parser);
  }
  const tree = (await parser).parse(text);
  if (!tree) throw new Error(`tree-sitter gave up on a ${language} text`);
  try {
    return countSyntaxErrors(tree.rootNode);
  } finally {
    tree.delete();
  }
}

export interface SourceOfSection {
  readonly path: string;
  readonly language: string | undefined;
}

/** One file's part of a rendered context: in text format with its header line (it must parse too). */
export interface RenderedSection {
  readonly path: string;
  readonly language: string | undefined;
  readonly code: string;
  /** The completion tail (code before the cursor), not a file section. */
  readonly completion: boolean;
}

/**
 * Cuts a rendered context back into its file sections, found by their header lines, in the order of
 * `files` (files absent from the output are skipped), and the completion tail when there is one.
 */
export function renderedSections(
  output: string,
  files: readonly SourceOfSection[],
  format: RenderFormat,
  completion?: SourceOfSection,
): RenderedSection[] {
  const found: { source: SourceOfSection; header: string; at: number; completion: boolean }[] = [];
  let from = 0;
  for (const source of files) {
    const header = fileHeaderLine(source.path, source.language, format);
    const at = lineStartingWith(output, `${header}\n`, from);
    if (at < 0) continue;
    found.push({ source, header, at, completion: false });
    from = at + header.length + 1;
  }
  if (completion) {
    const header = completionHeaderLine(completion.path, completion.language, format);
    const at = lineStartingWith(output, `${header}\n`, from);
    if (at < 0) throw new Error(`no completion header "${header}" in the output`);
    found.push({ source: completion, header, at, completion: true });
  }
  return found.map((section, i) => {
    const end = found[i + 1]?.at ?? output.length;
    let code = output.slice(section.at, end);
    if (i + 1 < found.length) code = code.replace(/\n\n$/, '\n'); // the blank line between sections
    if (format === 'markdown') code = fencedBody(code, section.header);
    return { path: section.source.path, language: section.source.language, code, completion: section.completion };
  });
}

function lineStartingWith(text: string, line: string, from: number): number {
  for (let at = text.indexOf(line, from); at >= 0; at = text.indexOf(line, at + 1)) {
    if (at === 0 || text[at - 1] === '\n') return at;
  }
  return -1;
}

/** The code between a section's opening fence (after its header) and its closing fence. */
function fencedBody(section: string, header: string): string {
  const open = /^(`{3,})[^\n]*\n/.exec(section.slice(header.length + 1));
  if (!open) throw new Error(`no fence after "${header}"`);
  const bodyStart = header.length + 1 + open[0].length;
  const close = section.lastIndexOf(`\n${open[1]}\n`);
  if (close < bodyStart - 1) throw new Error(`no closing fence for "${header}"`);
  return section.slice(bodyStart, close + 1);
}

export interface SyntaxRegression {
  readonly path: string;
  readonly before: number;
  readonly after: number;
  readonly code: string;
}

/**
 * The file sections of a rendered context (not the completion tail, which stops mid-function) that
 * tree-sitter finds more syntax errors in than in their file's whole text. Files of unknown languages
 * are not checked.
 */
export async function newSyntaxErrors(
  output: string,
  files: readonly (SourceOfSection & { readonly text: string })[],
  format: RenderFormat,
  completion?: SourceOfSection,
): Promise<SyntaxRegression[]> {
  const regressions: SyntaxRegression[] = [];
  for (const section of renderedSections(output, files, format, completion)) {
    if (section.completion || !section.language || !languageById(section.language)) continue;
    const file = files.find((f) => f.path === section.path)!;
    const before = await originalErrors(section.language, file.text);
    const after = await syntaxErrorsIn(section.language, section.code);
    if (after > before) regressions.push({ path: section.path, before, after, code: section.code });
  }
  return regressions;
}

const errorsOfOriginals = new Map<string, Promise<number>>();

/** The syntax errors of a whole file, counted once however many renderings of it are checked. */
function originalErrors(language: string, text: string): Promise<number> {
  const key = `${language}\0${text}`;
  let errors = errorsOfOriginals.get(key);
  if (!errors) {
    errors = syntaxErrorsIn(language, text);
    errorsOfOriginals.set(key, errors);
  }
  return errors;
}

/**
 * What CPython's compiler (the one `python3 -m py_compile` runs) says about each source: undefined when
 * it compiles, else the error. One python3 process for all of them; nothing is written to disk.
 */
export function pythonCompileErrors(sources: readonly string[]): (string | undefined)[] {
  const script = [
    'import json, sys',
    'out = []',
    'for source in json.load(sys.stdin):',
    '    try:',
    '        compile(source, "<rendered>", "exec")',
    '        out.append(None)',
    '    except SyntaxError as error:',
    '        out.append(f"line {error.lineno}: {error.msg}")',
    'json.dump(out, sys.stdout)',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.error?.message ?? run.stderr}`);
  return (JSON.parse(run.stdout) as (string | null)[]).map((error) => error ?? undefined);
}
