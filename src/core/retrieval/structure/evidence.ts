/**
 * Why the structural ranking (completion mode, algorithm.md Stage 1 list 3) puts a chunk forward. Shown on
 * every ranked chunk of the result, so a user sees what kept it. docs/structure.md explains each.
 */
export type EvidenceKind =
  /** `self.x` / `this.x` (or a bare call where the language has an implicit `this`): a member of the enclosing class or of its bases. */
  | 'self-method'
  /** A name the cursor's file imports (or `module.name` through an imported module), used before the cursor: its definition. */
  | 'imported'
  /** A bare name used before the cursor that the cursor's file defines. */
  | 'same-file'
  /** A name used before the cursor that no import or local definition explains (`obj.x`, same-package names): definitions of that name. */
  | 'name-match'
  /** The class around the cursor: its header and its other members. */
  | 'enclosing-class'
  /** A name the cursor's file imports but has not used yet before the cursor: its definition. */
  | 'imported-unused'
  /** Any other chunk of a file the cursor's file imports. */
  | 'imported-file'
  /** The cursor's own file, nearest chunks first. */
  | 'near-cursor';

/**
 * How much each kind counts; a chunk's structural score is the sum over its kinds of the best weight it
 * got for that kind. Tiers, not fine numbers: a used name's definition beats any unused one, which beats
 * mere nearness. Reference weights are scaled by how near the reference is to the cursor and by whether it is
 * a call (docs/structure.md).
 */
export const EVIDENCE_WEIGHTS: Readonly<Record<EvidenceKind, number>> = {
  'self-method': 8,
  imported: 8,
  'same-file': 7,
  'name-match': 4,
  'enclosing-class': 3,
  'imported-unused': 2,
  'imported-file': 1,
  'near-cursor': 1,
};

/** The order kinds are listed in on a chunk: strongest first. */
export const EVIDENCE_ORDER: readonly EvidenceKind[] = Object.keys(EVIDENCE_WEIGHTS) as EvidenceKind[];
