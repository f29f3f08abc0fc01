// What ranked a chunk, in the user's words: the ranking components (AMI, BM25, Structure) and, in
// completion mode, the structural evidence behind the Structure rank (docs/structure.md). The panel's rows
// and the editor's CodeLens and hovers read their labels from here. No `vscode`, no DOM.
import type { ChunkDecision } from '../../core/compress/compressionResult';
import type { EvidenceKind } from '../../core/retrieval/structure/evidence';

/** One ranking component of a chunk: its name, rank and score. */
export interface ComponentLabel {
  /** The component's key in the result: ami, bm25, or an extra list such as structure. */
  readonly component: string;
  readonly name: string;
  readonly rank: number;
  readonly score: number;
}

/** One kind of structural evidence: a short label for a row or a lens, and what it means for a tooltip. */
export interface StructureLabel {
  readonly kind: EvidenceKind;
  /** "self method". */
  readonly text: string;
  /** "used before the cursor through self or this: a member of the cursor's class or of its bases". */
  readonly meaning: string;
}

const COMPONENT_NAMES: Readonly<Record<string, string>> = {
  ami: 'AMI',
  bm25: 'BM25',
  structure: 'Structure',
};

const COMPONENT_MEANINGS: Readonly<Record<string, string>> = {
  ami: 'how much the code lowers the perplexity of the question',
  bm25: 'word overlap with the question',
  structure: 'code the cursor’s function refers to',
};

const STRUCTURE_LABELS: Readonly<Record<EvidenceKind, Omit<StructureLabel, 'kind'>>> = {
  'self-method': { text: 'self method', meaning: 'used before the cursor through self or this: a member of the cursor’s class or of its bases' },
  imported: { text: 'imported name', meaning: 'a name the cursor’s file imports, used before the cursor' },
  'same-file': { text: 'same-file name', meaning: 'a name the cursor’s file defines, used before the cursor' },
  'name-match': { text: 'name match', meaning: 'a name used before the cursor that no import or definition of the file explains, matched by name alone' },
  'enclosing-class': { text: 'enclosing class', meaning: 'the class around the cursor: its header or another of its members' },
  'imported-unused': { text: 'imported, not yet used', meaning: 'a name the cursor’s file imports but has not used before the cursor' },
  'imported-file': { text: 'in an imported file', meaning: 'other code of a file the cursor’s file imports' },
  'near-cursor': { text: 'near the cursor', meaning: 'the cursor’s own file, the nearer the cursor the stronger' },
};

/** "AMI", "BM25", "Structure"; an unknown component by its key, capitalised. */
export function componentName(component: string): string {
  return COMPONENT_NAMES[component] ?? component.charAt(0).toUpperCase() + component.slice(1);
}

/** What a component measures, for a tooltip; undefined for one this build does not know. */
export function componentMeaning(component: string): string | undefined {
  return COMPONENT_MEANINGS[component];
}

/** Every ranking component of a chunk, best rank first. */
export function componentsOf(chunk: Pick<ChunkDecision, 'components'>): ComponentLabel[] {
  return Object.entries(chunk.components)
    .filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== undefined)
    .sort((a, b) => a[1].rank - b[1].rank || a[0].localeCompare(b[0]))
    .map(([component, { rank, score }]) => ({ component, name: componentName(component), rank, score }));
}

/** The chunk's structural evidence, strongest first as the result lists it; none outside completion mode. */
export function structureOf(chunk: Pick<ChunkDecision, 'evidence'>): StructureLabel[] {
  return (chunk.evidence ?? []).map((kind) => ({ kind, ...STRUCTURE_LABELS[kind] }));
}

/** "self method, near the cursor": the labels in one phrase; '' when there are none. */
export function structureText(labels: readonly StructureLabel[]): string {
  return labels.map((label) => label.text).join(', ');
}
