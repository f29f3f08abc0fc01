// Compares our chunker's function and method definitions with the oracle's (test/helpers/ctagsOracle.ts,
// or tsCompilerOracle.ts for TypeScript/TSX) on the same files: recall, precision, and every difference
// grouped by a reason. What differs by design (DEFAULT_BY_DESIGN) is taken out of the oracle's side before
// recall is computed, and counted per reason: never dropped silently. docs/corpora.md explains the reasons.
// Independent of the chunker's API: ours are plain { path, name, line } records.
import * as path from 'node:path';
import type { DefinitionFlag, OracleDefinition } from '../helpers/ctagsOracle';

/** One function or method as our chunker sees it (pass one per function, not one per function-part). */
export interface OurDefinition {
  readonly path: string;
  readonly name: string;
  /**
   * The line of the definition's own name or keyword (not of a decorator or doc comment the chunk starts
   * with). Preferred for matching when given.
   */
  readonly line?: number;
  /** The chunk's first and last line: matched by range when `line` is absent. */
  readonly startLine?: number;
  readonly endLine?: number;
  /** Free-form, carried into the report (e.g. our kind and parent). */
  readonly detail?: string;
}

/** Why an oracle definition is left out by design, in words. Keys are DefinitionFlag values. */
export const FLAG_REASONS: Readonly<Record<DefinitionFlag, string>> = {
  'nested': 'nested function: stays inside its parent by design',
  'no-body': 'declaration without body (prototype, interface/abstract/trait method, overload signature, extern)',
  'anonymous': 'anonymous function: no name to match',
  'object-literal': 'member of an object literal: stays inside its declaration by design',
  'in-expression': 'inside an expression (IIFE, call argument, class expression, anonymous class): not a definition by design',
  'in-statement-block': 'inside a top-level if/try/with/loop block rather than at top level',
  'member-assignment': 'assigned to a member (X.prototype.f = function, exports.f = ...): a statement by design',
  'wrapped-in-call': 'const f = wrapper(() => ...): the function is a call argument by design',
  'lambda': 'lambda bound to a name (f = lambda ...): a statement by design',
  'not-a-function': 'oracle misreading: not a function (a Java record header)',
};

/**
 * The flags taken out of the oracle's side by default, in priority order (a definition with several is
 * counted under the first). Our chunker: top-level functions, methods of classes/structs/impls/namespaces,
 * top-level `const f = () => ...` and class-field arrow functions are function chunks; nothing else is.
 * 'in-statement-block' is not in the list: the Python chunker makes function chunks of functions defined
 * under a top-level `if`/`try` (argparse's `_`, ast's `_getter`); a language whose chunker does not can pass
 * `byDesign: [...DEFAULT_BY_DESIGN, 'in-statement-block']`.
 */
export const DEFAULT_BY_DESIGN: readonly DefinitionFlag[] = [
  'not-a-function',
  'anonymous',
  'no-body',
  'nested',
  'in-expression',
  'object-literal',
  'member-assignment',
  'wrapped-in-call',
  'lambda',
];

export type MissReason =
  | 'same name at another line (beyond the tolerance)'
  | 'no definition of ours with this name in the file'
  | 'we have no definitions at all in this file';

export type ExtraReason =
  | 'the oracle has the name at another line (beyond the tolerance)'
  | 'the oracle has no definition with this name in the file'
  | 'the oracle has no definition with this name, in a file it warned about (ctags: ignoring null tag)'
  | 'the oracle has no definitions at all in this file'
  | `the oracle leaves it out by design: ${string}`
  | 'duplicate: a second definition of ours matched the same oracle definition';

export interface CompareOptions {
  /** Flags taken out of the oracle's side (default DEFAULT_BY_DESIGN). Others stay in, and misses carrying them are grouped under them. */
  readonly byDesign?: readonly DefinitionFlag[];
  /** How many lines our `line` may differ from the oracle's (default 2: `static int\nf(void)` in C). */
  readonly lineTolerance?: number;
  /** Absolute paths on either side are made relative to this folder before they are compared. */
  readonly root?: string;
  /** The oracle's warnings (OracleResult.warnings): extras in those files are grouped apart. */
  readonly oracleWarnings?: ReadonlyMap<string, readonly number[]>;
}

export interface Comparison {
  /** Matched / oracle definitions after the by-design exclusions. 1 when there are none. */
  readonly recall: number;
  /** Matched / our definitions (all of them: one emitted for something excluded by design counts against). */
  readonly precision: number;
  /**
   * Precision not counting our extras in files the oracle warned about (`oracleWarnings`): ctags' JavaScript
   * parser drops the rest of a class after a method named `get`, `set` or `default`.
   */
  readonly adjustedPrecision: number;
  /** Our extras in files the oracle warned about. */
  readonly extrasInWarnedFiles: number;
  readonly matched: number;
  readonly oracleTotal: number;
  /** Oracle definitions left after the exclusions: the recall's denominator. */
  readonly oracleConsidered: number;
  readonly oursTotal: number;
  /** Oracle definitions left out by design, by reason (FLAG_REASONS' words). */
  readonly excludedByDesign: ReadonlyMap<string, readonly OracleDefinition[]>;
  /** Oracle definitions (after exclusions) that none of ours matched, by reason. */
  readonly misses: ReadonlyMap<string, readonly OracleDefinition[]>;
  /** Ours that matched no oracle definition, by reason. */
  readonly extras: ReadonlyMap<string, readonly OurDefinition[]>;
  /** Pairs matched (oracle, ours), for spot checks. */
  readonly pairs: readonly (readonly [OracleDefinition, OurDefinition])[];
}

/** Normalises a name for comparison: `A::f`, `A.f`, `self.f`, `operator =`, `tm<int>`, `'quoted'`, `#private`. */
export function normalizeName(name: string): string {
  let n = name.replace(/\s+/g, '');
  n = n.replace(/^self\./, '');
  if (/^(['"`]).*\1$/.test(n)) n = n.slice(1, -1);
  if (!n.startsWith('[') && !/^operator/.test(n)) {
    const qualified = /(?:::|\.|\\)((?:operator.*|~?[^.:\\]+))$/.exec(n);
    if (qualified) n = qualified[1];
  }
  if (!/^operator/.test(n)) n = n.replace(/<[^<>]*(<[^<>]*>[^<>]*)*>$/, '');
  return n.replace(/^#/, '');
}

function pathKey(p: string, root: string | undefined): string {
  const rel = root && path.isAbsolute(p) ? path.relative(root, p) : p;
  return rel.split(path.sep).join('/').replace(/^\.\//, '');
}

function groupByPath<T extends { path: string }>(items: readonly T[], root: string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = pathKey(item.path, root);
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(item);
  }
  return map;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const namesOf = (d: OracleDefinition) => [d.name, ...(d.aliases ?? [])].map(normalizeName);

/** Whether ours can be the oracle's definition by position; the distance used to pick the closest. */
function distance(oracle: OracleDefinition, ours: OurDefinition, tolerance: number): number | undefined {
  if (ours.line !== undefined) {
    const d = Math.abs(ours.line - oracle.line);
    return d <= tolerance ? d : undefined;
  }
  if (ours.startLine !== undefined && ours.endLine !== undefined) {
    return ours.startLine <= oracle.line && oracle.line <= ours.endLine ? ours.endLine - ours.startLine : undefined;
  }
  throw new Error(`our definition ${ours.path}:${ours.name} has neither line nor startLine/endLine`);
}

/** Matches oracle definitions to ours in one file, one to one, closest first. Returns the pairs. */
function matchFile(
  oracle: readonly OracleDefinition[],
  ours: readonly OurDefinition[],
  tolerance: number,
  taken: Set<OurDefinition>,
): Map<OracleDefinition, OurDefinition> {
  const pairs = new Map<OracleDefinition, OurDefinition>();
  const byName = new Map<string, OurDefinition[]>();
  for (const o of ours) push(byName, normalizeName(o.name), o);
  // Each candidate pair with its distance, then greedy from the closest: stable under reordering.
  const candidates: { oracle: OracleDefinition; ours: OurDefinition; d: number }[] = [];
  for (const def of oracle) {
    for (const name of new Set(namesOf(def))) {
      for (const o of byName.get(name) ?? []) {
        const d = distance(def, o, tolerance);
        if (d !== undefined) candidates.push({ oracle: def, ours: o, d });
      }
    }
  }
  candidates.sort((a, b) => a.d - b.d || a.oracle.line - b.oracle.line);
  for (const c of candidates) {
    if (pairs.has(c.oracle) || taken.has(c.ours)) continue;
    pairs.set(c.oracle, c.ours);
    taken.add(c.ours);
  }
  return pairs;
}

export function compareWithCtags(
  oracle: readonly OracleDefinition[],
  ours: readonly OurDefinition[],
  options: CompareOptions = {},
): Comparison {
  const byDesign = options.byDesign ?? DEFAULT_BY_DESIGN;
  const tolerance = options.lineTolerance ?? 2;
  const oracleByPath = groupByPath(oracle, options.root);
  const oursByPath = groupByPath(ours, options.root);
  const warned = new Set([...(options.oracleWarnings?.keys() ?? [])].map((p) => pathKey(p, options.root)));

  const excludedByDesign = new Map<string, OracleDefinition[]>();
  const misses = new Map<string, OracleDefinition[]>();
  const extras = new Map<string, OurDefinition[]>();
  const pairs: (readonly [OracleDefinition, OurDefinition])[] = [];
  let considered = 0;

  const files = new Set([...oracleByPath.keys(), ...oursByPath.keys()]);
  for (const file of [...files].sort()) {
    const oracleDefs = oracleByPath.get(file) ?? [];
    const ourDefs = oursByPath.get(file) ?? [];
    const kept: OracleDefinition[] = [];
    const excluded: OracleDefinition[] = [];
    for (const def of oracleDefs) {
      const flag = byDesign.find((f) => def.flags.includes(f));
      if (flag) {
        push(excludedByDesign, FLAG_REASONS[flag], def);
        excluded.push(def);
      } else {
        kept.push(def);
      }
    }
    considered += kept.length;

    const taken = new Set<OurDefinition>();
    const matched = matchFile(kept, ourDefs, tolerance, taken);
    for (const [def, o] of matched) pairs.push([def, o]);

    const ourNames = new Set(ourDefs.map((o) => normalizeName(o.name)));
    for (const def of kept) {
      if (matched.has(def)) continue;
      const notExcluded = def.flags.find((f) => !byDesign.includes(f));
      let reason: string;
      if (notExcluded) reason = `flagged '${notExcluded}' (kept in): ${FLAG_REASONS[notExcluded]}`;
      else if (ourDefs.length === 0) reason = 'we have no definitions at all in this file' satisfies MissReason;
      else if (namesOf(def).some((n) => ourNames.has(n))) reason = 'same name at another line (beyond the tolerance)' satisfies MissReason;
      else reason = 'no definition of ours with this name in the file' satisfies MissReason;
      push(misses, reason, def);
    }

    // Ours left over: emitted for something the oracle leaves out by design, a duplicate, or unknown to it.
    const leftovers = ourDefs.filter((o) => !taken.has(o));
    const againstExcluded = matchFile(excluded, leftovers, tolerance, new Set());
    const explained = new Map<OurDefinition, OracleDefinition>();
    for (const [def, o] of againstExcluded) explained.set(o, def);
    const oracleNames = new Set(oracleDefs.flatMap(namesOf));
    const matchedOracleAt = [...matched.keys()];
    for (const o of leftovers) {
      const def = explained.get(o);
      let reason: string;
      if (def) {
        const flag = byDesign.find((f) => def.flags.includes(f)) as DefinitionFlag;
        reason = `the oracle leaves it out by design: ${FLAG_REASONS[flag]}`;
      } else if (matchedOracleAt.some((m) => namesOf(m).includes(normalizeName(o.name)) && distance(m, o, tolerance) !== undefined)) {
        reason = 'duplicate: a second definition of ours matched the same oracle definition';
      } else if (oracleDefs.length === 0) {
        reason = 'the oracle has no definitions at all in this file';
      } else if (oracleNames.has(normalizeName(o.name))) {
        reason = 'the oracle has the name at another line (beyond the tolerance)';
      } else if (warned.has(file)) {
        reason = 'the oracle has no definition with this name, in a file it warned about (ctags: ignoring null tag)';
      } else {
        reason = 'the oracle has no definition with this name in the file';
      }
      push(extras, reason, o);
    }
  }

  const matchedCount = pairs.length;
  let extrasInWarnedFiles = 0;
  for (const list of extras.values()) for (const o of list) if (warned.has(pathKey(o.path, options.root))) extrasInWarnedFiles++;
  const adjustedDenominator = ours.length - extrasInWarnedFiles;
  return {
    recall: considered === 0 ? 1 : matchedCount / considered,
    precision: ours.length === 0 ? 1 : matchedCount / ours.length,
    adjustedPrecision: adjustedDenominator === 0 ? 1 : matchedCount / adjustedDenominator,
    extrasInWarnedFiles,
    matched: matchedCount,
    oracleTotal: oracle.length,
    oracleConsidered: considered,
    oursTotal: ours.length,
    excludedByDesign,
    misses,
    extras,
    pairs,
  };
}

/** A readable summary: the figures, then each group's count and its first examples. */
export function formatComparison(title: string, c: Comparison, examplesPerGroup = 5): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `${title}: recall ${pct(c.recall)} (${c.matched}/${c.oracleConsidered}), precision ${pct(c.precision)} (${c.matched}/${c.oursTotal})` +
      (c.extrasInWarnedFiles > 0 ? `, ${pct(c.adjustedPrecision)} without the ${c.extrasInWarnedFiles} extras in files the oracle warned about` : '') +
      `; oracle ${c.oracleTotal} definitions, ${c.oracleTotal - c.oracleConsidered} left out by design`,
  ];
  const section = <T>(heading: string, groups: ReadonlyMap<string, readonly T[]>, show: (item: T) => string) => {
    if (groups.size === 0) return;
    lines.push(`  ${heading}:`);
    for (const [reason, items] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`    ${items.length} × ${reason}`);
      for (const item of items.slice(0, examplesPerGroup)) lines.push(`        ${show(item)}`);
    }
  };
  const showOracle = (d: OracleDefinition) =>
    `${d.path}:${d.line} ${d.scope ? `${d.scope} ` : ''}${d.name} (${d.kind}${d.flags.length ? `; ${d.flags.join(', ')}` : ''})`;
  const showOurs = (o: OurDefinition) =>
    `${o.path}:${o.line ?? `${o.startLine}-${o.endLine}`} ${o.name}${o.detail ? ` (${o.detail})` : ''}`;
  section('left out by design (oracle side)', c.excludedByDesign, showOracle);
  section('misses (the oracle has them, we do not)', c.misses, showOracle);
  section('extras (we have them, the oracle does not)', c.extras, showOurs);
  return lines.join('\n');
}
