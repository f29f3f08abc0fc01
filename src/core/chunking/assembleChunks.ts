import type { Chunk, ChunkKind, Scope, StatementStart } from './chunk';
import { chunkIds } from './chunkIds';
import type { Definition, Span, Statement } from './findDefinitions';
import { isBlank, LineIndex } from './lineIndex';
import { splitAtBoundaries } from './splitAtBoundaries';

export interface AssembleOptions {
  /** Functions and glue above this many budget tokens are cut into parts. */
  readonly sizeCap: number;
  readonly countTokens: (text: string) => number;
  /** A cheap upper bound of countTokens, to skip counting what is surely under the cap. */
  readonly tokensAtMost: (text: string) => number;
}

export interface AssembledFile {
  readonly chunks: Chunk[];
  readonly scopes: Scope[];
}

/** Where a sequence of definitions sits: the names around it, its scope, what its functions are. */
interface Context {
  readonly chain: readonly string[];
  readonly scope: ScopeDraft | undefined;
  readonly functionsAreMethods: boolean;
}

interface ChunkDraft {
  kind: ChunkKind | 'blank';
  start: number;
  end: number;
  readonly name: string | undefined;
  readonly parent: string | undefined;
  readonly scope: ScopeDraft | undefined;
  statements?: readonly StatementStart[];
}

interface ScopeDraft {
  readonly kind: Scope['kind'];
  readonly name: string;
  readonly parent: string | undefined;
  readonly scope: ScopeDraft | undefined;
  opening?: ChunkDraft;
  closing?: ChunkDraft;
}

interface Placed {
  readonly definition: Definition;
  readonly start: number;
  readonly end: number;
}

const TOP: Context = { chain: [], scope: undefined, functionsAreMethods: false };

/**
 * Turns a file's definitions into chunks that cover the file exactly, in order, without overlap.
 * Definitions are widened to whole lines where nothing else shares the line; code between them becomes
 * glue; blank lines join the chunk before them.
 */
export function assembleChunks(
  text: string,
  path: string,
  language: string | undefined,
  lineComment: string,
  definitions: readonly Definition[],
  options: AssembleOptions,
): AssembledFile {
  const assembler = new Assembler(text, lineComment, options);
  assembler.sequence(assembler.place(definitions, 0, text.length), 0, text.length, TOP);
  return assembler.finish(path, language);
}

/** Blank-line separated blocks covering the file: for languages we do not parse, or as a last resort. */
export function fallbackChunks(text: string, path: string, language: string | undefined): AssembledFile {
  const assembler = new Assembler(text, '', { sizeCap: Infinity, countTokens: () => 0, tokensAtMost: () => 0 });
  for (const block of blankLineBlocks(text, { start: 0, end: text.length })) {
    assembler.add('block-fallback', block, undefined, undefined, undefined);
  }
  return assembler.finish(path, language);
}

class Assembler {
  private readonly drafts: ChunkDraft[] = [];
  private readonly scopes: ScopeDraft[] = [];
  private readonly lines: LineIndex;
  private readonly trailing: RegExp;

  constructor(
    private readonly text: string,
    lineComment: string,
    private readonly options: AssembleOptions,
  ) {
    this.lines = new LineIndex(text);
    const comment = lineComment ? `(${lineComment.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*)?` : '';
    // Languages with `//` comments have `/* */` ones too: `#endif /* RING_H */`.
    const blockComments = lineComment === '//' ? '(/\\*([^*]|\\*(?!/))*\\*/[ \\t;,]*)*' : '';
    this.trailing = new RegExp(`^[ \\t;,]*${blockComments}${comment}\\r?\\n?$`);
  }

  /** Widens definitions to whole lines where nothing else is on those lines, within [from, to). */
  place(definitions: readonly Definition[], from: number, to: number): Placed[] {
    let previousEnd = from;
    return definitions.map((definition, i) => {
      let start = definition.start;
      const lineStart = this.lines.lineStartOf(start);
      if (lineStart >= previousEnd && isBlank(this.text, lineStart, start)) start = lineStart;
      let end = definition.end;
      const next = definitions[i + 1];
      if (end > 0 && this.text.charCodeAt(end - 1) !== 10) {
        const lineEnd = this.lines.lineEndOf(end);
        const restIsTrailing = this.trailing.test(this.text.slice(end, lineEnd));
        if (lineEnd <= to && (!next || next.start >= lineEnd) && restIsTrailing) end = lineEnd;
      }
      previousEnd = end;
      return { definition, start, end };
    });
  }

  /** Emits placed definitions and the code between them, from `from` to `to`. */
  sequence(items: readonly Placed[], from: number, to: number, context: Context): void {
    let cursor = from;
    for (const item of items) {
      this.gap({ start: cursor, end: item.start }, context);
      this.definition(item, context);
      cursor = item.end;
    }
    this.gap({ start: cursor, end: to }, context);
  }

  add(kind: ChunkDraft['kind'], span: Span, name: string | undefined, parent: string | undefined, scope: ScopeDraft | undefined): ChunkDraft {
    const draft: ChunkDraft = { kind, start: span.start, end: span.end, name, parent, scope };
    this.drafts.push(draft);
    return draft;
  }

  private gap(span: Span, context: Context): void {
    if (span.start >= span.end) return;
    const parent = context.chain.length > 0 ? context.chain.join('.') : undefined;
    const code = { start: this.firstNonBlankLine(span), end: span.end };
    if (code.start > span.start) this.add('blank', { start: span.start, end: code.start }, undefined, parent, context.scope);
    if (code.start >= code.end) return;
    for (const piece of this.cutIfLarge(code, () => blankLineBlocks(this.text, code).map((block) => block.start))) {
      this.add('glue', piece, undefined, parent, context.scope);
    }
  }

  private definition(item: Placed, context: Context): void {
    const { definition } = item;
    const parent = context.chain.length > 0 ? context.chain.join('.') : undefined;
    switch (definition.kind) {
      case 'function':
        this.function(item, context);
        return;
      case 'declaration':
        this.add('declaration', item, definition.name, parent, context.scope);
        return;
      case 'block':
      case 'container':
      case 'namespace':
        if (definition.children.length === 0) {
          this.add('declaration', item, definition.name, parent, context.scope);
          return;
        }
        this.container(item, context);
    }
  }

  private function(item: Placed, context: Context): void {
    const { definition } = item;
    const owner = definition.owner !== undefined ? [...context.chain, definition.owner] : context.chain;
    const parent = owner.length > 0 ? owner.join('.') : undefined;
    const kind = context.functionsAreMethods || definition.owner !== undefined ? 'method' : 'function';
    const statements = definition.statements();
    const pieces = this.cutIfLarge(item, () => statements.filter((s) => s.depth === 0).map((statement) => this.lineStartIfAlone(statement.start)));
    const starts = this.statementStarts(statements);
    const startsIn = (piece: Span) => starts.filter((s) => s.offset >= piece.start && s.offset < piece.end).map(({ offset: _, ...start }) => start);
    if (pieces.length === 1) {
      this.add(kind, item, definition.name, parent, context.scope).statements = startsIn(item);
      return;
    }
    const name = definition.name ?? '(anonymous)';
    const scope: ScopeDraft = { kind: 'function', name, parent, scope: context.scope };
    this.scopes.push(scope);
    const qualified = parent ? `${parent}.${name}` : name;
    const parts = pieces.map((piece) => {
      const part = this.add('function-part', piece, definition.name, qualified, scope);
      part.statements = startsIn(piece);
      return part;
    });
    scope.opening = parts[0];
    scope.closing = parts[parts.length - 1];
  }

  /** A container, namespace or block: header, members and the code between them, footer. */
  private container(item: Placed, context: Context): void {
    const { definition } = item;
    const block = definition.kind === 'block';
    const name = definition.name ?? '(anonymous)';
    const chunkName = block ? undefined : definition.name;
    const parent = context.chain.length > 0 ? context.chain.join('.') : undefined;
    const scope: ScopeDraft = { kind: block ? 'block' : 'container', name, parent, scope: context.scope };
    this.scopes.push(scope);
    const members = this.place(definition.children, item.start, item.end);
    const headerEnd = members[0]!.start;
    const footerStart = members[members.length - 1]!.end;
    // A clause the block cannot stand without (`except` after a Python `try`) travels with it.
    const { clauseAt } = definition;
    // A block's header is its opening, up to the first blank line, and its footer its closing, from the
    // last: all of the code before its first member and after its last (the rest of an include-guarded
    // header file, say) would travel with every member.
    const trim = block && clauseAt === undefined;
    const openingEnd = trim ? (blankLineBlocks(this.text, { start: item.start, end: headerEnd })[0]?.end ?? headerEnd) : headerEnd;
    scope.opening = this.add('container-header', { start: item.start, end: openingEnd }, chunkName, parent, scope);
    // A block adds no name: what is inside it is what it would be outside.
    const inner: Context = block
      ? { ...context, scope }
      : { chain: [...context.chain, name], scope, functionsAreMethods: definition.kind === 'container' };
    this.gap({ start: openingEnd, end: headerEnd }, inner);
    const firstInside = this.drafts.length;
    this.sequence(members, headerEnd, footerStart, inner);
    if (clauseAt !== undefined && clauseAt >= headerEnd && clauseAt < footerStart) {
      const holder = this.drafts.slice(firstInside).find((d) => d.scope === scope && d.start <= clauseAt && clauseAt < d.end);
      if (holder?.kind === 'glue') scope.closing = holder;
    }
    if (footerStart >= item.end) return;
    if (isBlank(this.text, footerStart, item.end)) {
      this.add('blank', { start: footerStart, end: item.end }, undefined, parent, scope);
    } else if (scope.closing) {
      this.gap({ start: footerStart, end: item.end }, inner);
    } else {
      const pieces = trim ? blankLineBlocks(this.text, { start: footerStart, end: item.end }) : [];
      const closingStart = pieces.length > 1 ? pieces[pieces.length - 1]!.start : footerStart;
      this.gap({ start: footerStart, end: closingStart }, inner);
      scope.closing = this.add('container-footer', { start: closingStart, end: item.end }, chunkName, parent, scope);
    }
  }

  /** Where the first line with code in the span starts (the span's end if all of it is blank). */
  private firstNonBlankLine(span: Span): number {
    let lineStart = span.start;
    while (lineStart < span.end) {
      const lineEnd = Math.min(this.lines.lineEndOf(lineStart), span.end);
      if (!isBlank(this.text, lineStart, lineEnd)) return lineStart;
      lineStart = lineEnd;
    }
    return span.end;
  }

  /**
   * Statements that start their line (only blanks before them there), the first one of each line; one
   * that does not is left out with the statements nested in it.
   */
  private statementStarts(statements: readonly Statement[]): (StatementStart & { offset: number })[] {
    const starts: (StatementStart & { offset: number })[] = [];
    let skipDeeperThan = Infinity;
    for (const statement of statements) {
      if (statement.depth > skipDeeperThan) continue;
      skipDeeperThan = Infinity;
      const line = statement.row + 1;
      const alone = isBlank(this.text, this.lines.lineStartOf(statement.start), statement.start);
      if (!alone || (starts.length > 0 && starts[starts.length - 1]!.line === line)) {
        skipDeeperThan = statement.depth;
        continue;
      }
      starts.push({
        line,
        endLine: statement.endRow + 1,
        type: statement.type,
        ...(statement.depth > 0 ? { depth: statement.depth } : {}),
        offset: statement.start,
      });
    }
    return starts;
  }

  /** The start of the line holding `offset` when only blanks precede it there; else `offset`. */
  private lineStartIfAlone(offset: number): number {
    const lineStart = this.lines.lineStartOf(offset);
    return isBlank(this.text, lineStart, offset) ? lineStart : offset;
  }

  /** The span, or its pieces cut at `boundaries()` when it is over the size cap (boundaries are read only then). */
  private cutIfLarge(span: Span, boundaries: () => readonly number[]): Span[] {
    const { sizeCap, countTokens, tokensAtMost } = this.options;
    const text = this.text.slice(span.start, span.end);
    if (tokensAtMost(text) <= sizeCap || countTokens(text) <= sizeCap) return [span];
    const cuts = boundaries();
    return cuts.length > 0 ? splitAtBoundaries(this.text, span, cuts, sizeCap, countTokens) : [span];
  }

  /** Blank drafts join the chunk before them (or after, at the start); then ids, lines and text. */
  finish(path: string, language: string | undefined): AssembledFile {
    const kept: ChunkDraft[] = [];
    let leadingBlank: number | undefined;
    for (const draft of this.drafts) {
      if (draft.start >= draft.end) continue;
      if (draft.kind !== 'blank') {
        if (leadingBlank !== undefined) draft.start = leadingBlank;
        leadingBlank = undefined;
        kept.push(draft);
      } else if (kept.length > 0) {
        kept[kept.length - 1]!.end = draft.end;
      } else {
        leadingBlank ??= draft.start;
      }
    }
    if (leadingBlank !== undefined) {
      kept.push({ kind: 'glue', start: leadingBlank, end: this.text.length, name: undefined, parent: undefined, scope: undefined });
    }

    const texts = kept.map((draft) => this.text.slice(draft.start, draft.end));
    const ids = chunkIds(path, texts);
    const idOf = new Map(kept.map((draft, i) => [draft, ids[i]!] as const));
    const scopeId = (scope: ScopeDraft | undefined) => (scope?.opening ? idOf.get(scope.opening) : undefined);
    const chunks: Chunk[] = kept.map((draft, i) => ({
      id: ids[i]!,
      path,
      language,
      kind: draft.kind as ChunkKind,
      name: draft.name,
      parent: draft.parent,
      scope: scopeId(draft.scope),
      ...this.lines.lines(draft.start, draft.end),
      startOffset: draft.start,
      endOffset: draft.end,
      text: texts[i]!,
      ...(draft.statements ? { statements: draft.statements } : {}),
    }));
    const scopes: Scope[] = this.scopes.map((scope) => ({
      id: scopeId(scope)!,
      kind: scope.kind,
      name: scope.name,
      parent: scope.parent,
      scope: scopeId(scope.scope),
      openingChunk: scopeId(scope)!,
      closingChunk: scope.closing ? idOf.get(scope.closing) : undefined,
    }));
    return { chunks, scopes };
  }
}

/** Cuts a span before every non-blank line that follows a blank line. */
function blankLineBlocks(text: string, span: Span): Span[] {
  const blocks: Span[] = [];
  let blockStart = span.start;
  let previousBlank = false;
  let lineStart = span.start;
  while (lineStart < span.end) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline + 1 > span.end ? span.end : newline + 1;
    const blank = isBlank(text, lineStart, lineEnd);
    if (!blank && previousBlank && lineStart > blockStart) {
      blocks.push({ start: blockStart, end: lineStart });
      blockStart = lineStart;
    }
    previousBlank = blank;
    lineStart = lineEnd;
  }
  if (blockStart < span.end) blocks.push({ start: blockStart, end: span.end });
  return blocks;
}
