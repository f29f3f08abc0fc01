// A doc comment becomes a task's query: the prose that describes the function, as a person would ask for it.
// Code in the doc (examples, doctests, literal blocks) and tagged or sectioned details (parameters, returns,
// raises, see-also) are left out: they name parameters, types and often the function itself.

/** Lines of prose from a Python docstring literal (`"""..."""`, with any prefix). */
export function pythonDocQuery(literal: string): string {
  const body = literal.replace(/^[rRuUbBfF]*/, '').replace(/^("""|'''|"|')([\s\S]*)\1$/, '$2');
  const kept: string[] = [];
  let literalBlockIndent: number | undefined;
  const lines = cleanDoc(body);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    if (literalBlockIndent !== undefined) {
      if (line.trim() === '' || indent > literalBlockIndent) continue;
      literalBlockIndent = undefined;
    }
    if (PYTHON_SECTION.test(line) || /^\s*>>>/.test(line)) break;
    if (UNDERLINE.test(lines[i + 1] ?? '') && line.trim() !== '') break; // a NumPy-style section header
    if (/::\s*$/.test(line)) {
      literalBlockIndent = indent;
      kept.push(line.replace(/::\s*$/, ':'));
      continue;
    }
    kept.push(line);
  }
  return tidy(kept.map(plainRest));
}

/** Sphinx roles read as Sphinx shows them: :class:`~flask.Blueprint` is Blueprint, :ref:`Notes <notes>` is Notes. */
function plainRest(line: string): string {
  return line.replace(/:[\w.:-]+:`(~?)!?([^`<]*?)\s*(?:<[^>`]*>)?`/g, (_, short: string, text: string) =>
    short ? text.slice(text.lastIndexOf('.') + 1) : text,
  );
}

const PYTHON_SECTION = new RegExp(
  String.raw`^\s*(?::(?:param|parameter|arg|argument|key|keyword|type|returns?|rtype|raises?|except|exception|var|ivar|cvar|vartype|yields?|meta)\b` +
    String.raw`|\.\.\s+[\w-]+::` +
    String.raw`|(?:Args|Arguments|Parameters|Params|Returns?|Yields?|Raises|Examples?|Notes?|See Also|References|Attributes` +
    String.raw`|Keyword Arguments|Other Parameters|Warnings?|Todo)\s*:?\s*$)`,
);
const UNDERLINE = /^\s*[-=~^]{3,}\s*$/;

/** inspect.cleandoc: the first line stripped, the others dedented by their common indentation. */
function cleanDoc(body: string): string[] {
  const lines = body.replace(/\t/g, '        ').split('\n');
  const indents = lines.slice(1).filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const common = indents.length ? Math.min(...indents) : 0;
  return [lines[0]!.trim(), ...lines.slice(1).map((l) => l.slice(common).trimEnd())];
}

/**
 * The description of a JSDoc / TSDoc block: its untagged lead text, plus the text of `@summary` (or, if there
 * is none, `@description`); every other tag is left out, as are fenced code and example headings.
 */
export function jsDocQuery(comment: string): string {
  const lines = comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*? ?/, '').trimEnd());
  const lead: string[] = [];
  const tagged = new Map<string, string[]>();
  let current: string[] | undefined = lead;
  for (const line of lines) {
    const tag = /^\s*@(\w+)\s?(.*)$/.exec(line);
    if (tag) {
      const name = tag[1]!.toLowerCase();
      current = name === 'summary' || name === 'description' || name === 'desc' ? [] : undefined;
      if (current) {
        tagged.set(name === 'desc' ? 'description' : name, current);
        current.push(tag[2]!);
      }
      continue;
    }
    current?.push(line);
  }
  const extra = tagged.get('summary') ?? tagged.get('description') ?? [];
  return tidy([...proseLines(lead), '', ...proseLines(extra)].map(plainMarkdown));
}

/** `## Example`, `**Example** (Mapping values)`, `Examples:`: examples follow, to the end of the text. */
const EXAMPLE_HEADING = /^\s*(#+\s*)?(\*\*)?Examples?\b(\*\*)?\s*(\(.*\))?\s*:?\s*$/i;

/** The lines before the first example, without fenced code. */
function proseLines(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let fenced = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    if (EXAMPLE_HEADING.test(line)) break;
    kept.push(line);
  }
  return kept;
}

function plainMarkdown(line: string): string {
  return line
    .replace(/\{@(?:link|linkcode|linkplain|code)\s+([^}|\s]+)(?:[|\s]\s*([^}]*))?\}/g, (_, target: string, label?: string) => label?.trim() || target)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/^\s*#+\s+/, '');
}

/** Trimmed lines, no leading, trailing or repeated blank lines. */
function tidy(lines: readonly string[]): string {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Words of prose: runs of two or more letters. */
export function proseWordCount(query: string): number {
  return query.match(/\p{L}{2,}/gu)?.length ?? 0;
}
