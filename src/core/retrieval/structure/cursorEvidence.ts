import * as posix from 'node:path/posix';
import type { FileChunks } from '../../chunking/chunk';
import { EVIDENCE_WEIGHTS, type EvidenceKind } from './evidence';
import type { FileImports } from './fileImports';
import type { Reference } from './queryReferences';
import { SymbolTable, type Definition } from './symbolTable';

/** Where the cursor is, as the evidence needs it. */
export interface CursorSite {
  readonly file: FileChunks;
  /** The function the cursor is in (the definition holding its signature), if any. */
  readonly enclosing: Definition | undefined;
  /** Index in the file's chunks of the chunk holding the cursor: nearness is counted from it. */
  readonly cursorChunk: number;
}

/** Per chunk, the best weight each kind of evidence gave it. */
export type EvidenceScores = Map<string, Map<EvidenceKind, number>>;

/** Languages where a bare call inside a method may be a method of the same class. */
const IMPLICIT_THIS = new Set(['java', 'csharp', 'cpp', 'ruby']);
const SELF_NAMES = new Set(['self', 'this', 'cls', 'Self']);
const CONSTRUCTORS = ['__init__', 'constructor', 'new', 'initialize', '__construct'];
/** How far the search climbs the base classes. */
const BASE_DEPTH = 4;

/**
 * The structural evidence for a cursor (algorithm.md Stage 1, list 3; docs/structure.md): definitions of the
 * names the code before the cursor uses, resolved through `self`/`this`, imports and the file's own
 * definitions; the class around the cursor; what the file imports; nearness to the cursor.
 */
export function cursorEvidence(table: SymbolTable, imports: FileImports, site: CursorSite, references: readonly Reference[]): EvidenceScores {
  const scores: EvidenceScores = new Map();
  const here = site.file.path;
  const language = site.file.language;
  const give = (definition: Definition, kind: EvidenceKind, weight: number) => {
    const id = definition.chunk.id;
    if (id === site.enclosing?.chunk.id) return;
    let kinds = scores.get(id);
    if (!kinds) scores.set(id, (kinds = new Map()));
    kinds.set(kind, Math.max(kinds.get(kind) ?? 0, weight));
  };
  /** Same file, then imported files, then the same folder, then the rest; stable. */
  const nearestFirst = (definitions: readonly Definition[]) => {
    const distance = (d: Definition) =>
      d.chunk.path === here ? 0 : imports.files.has(d.chunk.path) ? 1 : posix.dirname(d.chunk.path) === posix.dirname(here) ? 2 : 3;
    return [...definitions].sort((a, b) => distance(a) - distance(b));
  };
  const withConstructors = (definitions: readonly Definition[]) =>
    definitions.flatMap((d) => (d.isType ? [d, ...table.membersOf(SymbolTable.qualified(d)).filter((m) => CONSTRUCTORS.includes(m.name) || m.name === d.name)] : [d]));
  const inFiles = (files: readonly string[], name: string) => files.flatMap((f) => table.inFile(f).filter((d) => d.name === name));

  const classChain = enclosingTypes(table, site);
  const membersNamed = (name: string) => classChain.flatMap((qualified) => table.membersOf(qualified).filter((d) => d.name === name));
  const bareCandidates = (name: string) => table.named(name).filter((d) => d.chunk.kind !== 'method' || IMPLICIT_THIS.has(language ?? ''));

  const used = new Set<string>();
  for (const reference of references) {
    const scale = (reference.call ? 1 : 0.5) * (0.5 + 0.5 * reference.nearness);
    const weight = (kind: EvidenceKind) => EVIDENCE_WEIGHTS[kind] * scale;
    const { name, receiver } = reference;

    if (receiver.length === 1 && SELF_NAMES.has(receiver[0]!)) {
      const members = membersNamed(name);
      if (members.length > 0) members.forEach((d) => give(d, 'self-method', weight('self-method')));
      else nameMatch(nearestFirst(table.named(name).filter((d) => d.parent !== undefined)), weight('name-match'));
      continue;
    }
    if (receiver.length > 0) {
      const module = imports.namespaces.get(receiver.join('.')) ?? (receiver.length === 1 ? undefined : imports.namespaces.get(receiver[0]!));
      if (module) {
        withConstructors(inFiles(module, name)).forEach((d) => give(d, 'imported', weight('imported')));
        continue;
      }
      const owner = receiver.at(-1)!;
      const types = nearestFirst(table.typesNamed(owner));
      const members = types.flatMap((t) => table.membersOf(SymbolTable.qualified(t)).filter((d) => d.name === name));
      if (members.length > 0) {
        const kind: EvidenceKind = members[0]!.chunk.path === here ? 'same-file' : imports.names.has(owner) || imports.files.has(members[0]!.chunk.path) ? 'imported' : 'name-match';
        members.forEach((d) => give(d, kind, weight(kind)));
      } else {
        nameMatch(nearestFirst(table.named(name).filter((d) => d.parent !== undefined || d.chunk.path !== here)), weight('name-match'));
      }
      continue;
    }
    // A bare name: the class's own member (implicit this), an import, the file's own definition, a wildcard import, anything of that name.
    if (IMPLICIT_THIS.has(language ?? '')) {
      const members = membersNamed(name);
      if (members.length > 0) {
        members.forEach((d) => give(d, 'self-method', weight('self-method')));
        continue;
      }
    }
    const binding = imports.names.get(name);
    if (binding) {
      used.add(name);
      withConstructors(importedDefinitions(table, binding.name, name, binding.files)).forEach((d) => give(d, 'imported', weight('imported')));
      continue;
    }
    const local = bareCandidates(name).filter((d) => d.chunk.path === here);
    if (local.length > 0) {
      withConstructors(local).forEach((d) => give(d, 'same-file', weight('same-file')));
      continue;
    }
    const wildcard = inFiles(imports.wildcardFiles, name);
    if (wildcard.length > 0) {
      withConstructors(wildcard).forEach((d) => give(d, 'imported', weight('imported')));
      continue;
    }
    nameMatch(withConstructors(nearestFirst(bareCandidates(name))), weight('name-match'));
  }

  /** Several definitions could be meant: each gets less, the nearest most. */
  function nameMatch(definitions: readonly Definition[], weight: number): void {
    definitions.forEach((d, i) => give(d, 'name-match', weight / Math.sqrt(definitions.length) / (1 + 0.1 * i)));
  }

  // The class around the cursor: its header and other members, then its bases' members.
  classChain.forEach((qualified, depth) => {
    const weight = EVIDENCE_WEIGHTS['enclosing-class'] / (1 + depth);
    for (const type of table.typesNamed(qualified.split('.').pop()!)) if (SymbolTable.qualified(type) === qualified) give(type, 'enclosing-class', weight);
    for (const member of table.membersOf(qualified)) give(member, 'enclosing-class', weight);
  });

  for (const [local, binding] of imports.names) {
    if (used.has(local)) continue;
    importedDefinitions(table, binding.name, local, binding.files).forEach((d) => give(d, 'imported-unused', EVIDENCE_WEIGHTS['imported-unused']));
  }
  for (const file of imports.files) for (const d of table.inFile(file)) give(d, 'imported-file', EVIDENCE_WEIGHTS['imported-file']);

  // Nearness; the file's own functions, which a bare call can reach, count double.
  site.file.chunks.forEach((chunk, i) => {
    if (chunk.id === site.enclosing?.chunk.id) return;
    const inScope = chunk.kind === 'function' || (chunk.kind === 'method' && classChain.includes(chunk.parent ?? ''));
    const weight = (EVIDENCE_WEIGHTS['near-cursor'] * (inScope ? 2 : 1)) / (1 + Math.abs(i - site.cursorChunk) / 3);
    let kinds = scores.get(chunk.id);
    if (!kinds) scores.set(chunk.id, (kinds = new Map()));
    kinds.set('near-cursor', weight);
  });
  return scores;
}

/** The enclosing function's type, then its bases (breadth first), as the qualified names members use. */
function enclosingTypes(table: SymbolTable, site: CursorSite): string[] {
  const owner = site.enclosing?.parent;
  if (owner === undefined) return [];
  const chain = [owner];
  let frontier = table.typesNamed(owner.split('.').pop()!).filter((t) => SymbolTable.qualified(t) === owner);
  for (let depth = 0; depth < BASE_DEPTH && frontier.length > 0; depth++) {
    const next: Definition[] = [];
    for (const type of frontier) {
      for (const base of table.basesOf(type)) {
        const qualified = SymbolTable.qualified(base);
        if (chain.includes(qualified)) continue;
        chain.push(qualified);
        next.push(base);
      }
    }
    frontier = next;
  }
  return chain;
}

/**
 * The definitions an imported name stands for in its files: by its name there, or for a default import, by
 * the local name, else what the file exports as default.
 */
function importedDefinitions(table: SymbolTable, name: string, local: string, files: readonly string[]): Definition[] {
  const inFiles = (wanted: string) => files.flatMap((f) => table.inFile(f).filter((d) => d.name === wanted));
  if (name !== 'default') return inFiles(name);
  const byLocal = inFiles(local);
  if (byLocal.length > 0) return byLocal;
  return files.flatMap((f) => table.inFile(f).filter((d) => /\bexport\s+default\b/.test(d.chunk.text)));
}
