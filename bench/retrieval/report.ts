import type { TaskLanguage } from './corpusPackages';
import { proseWordCount } from './docQuery';
import type { Evaluation, TaskResult } from './evaluateRankers';
import { BUDGET_FRACTIONS } from './packBudget';
import type { RetrievalTask, TaskSet } from './retrievalTask';
import { estimate, pairedDifference, quantile, type Estimate } from './statistics';

const LANGUAGES: readonly TaskLanguage[] = ['python', 'javascript', 'typescript'];
const BUDGET_LABELS = BUDGET_FRACTIONS.map((f) => `1/${Math.round(1 / f)}`);
export const REFERENCE_RANKER = 'BM25';

/** How a table names its rate (`hit`, `survived`), which row the paired differences are taken to, and whether rates show their SE. */
export interface TableOptions {
  readonly metric?: string;
  readonly reference?: string;
  readonly rateSe?: boolean;
}

/** Hit rates per language (and all) × ranker × budget, with paired differences to BM25: markdown tables. */
export function hitRateTables(evaluation: Evaluation, rankers: readonly string[], options: TableOptions = {}): string {
  const { metric = 'hit', reference = REFERENCE_RANKER, rateSe = false } = options;
  const rate = (e: Estimate) => (rateSe ? `${percent(e.mean)} ± ${(100 * e.se).toFixed(1)}` : percent(e.mean));
  const sections: string[] = [];
  for (const [label, results] of languageGroups(evaluation)) {
    const header = ['ranker', ...BUDGET_LABELS.map((b) => `${metric}@${b}`), 'mean', ...BUDGET_LABELS.map((b) => `Δ@${b}`), 'Δ mean'];
    const rows = rankers.map((ranker) => {
      const perBudget = BUDGET_FRACTIONS.map((_, b) => results.map((r) => Number(r.hits.get(ranker)![b])));
      const mean = results.map((r) => meanHit(r, ranker));
      const cells = [ranker, ...perBudget.map((v) => rate(estimate(v))), rate(estimate(mean))];
      if (ranker === reference || !rankers.includes(reference)) return [...cells, ...BUDGET_LABELS.map(() => ''), ''];
      const baseline = BUDGET_FRACTIONS.map((_, b) => results.map((r) => Number(r.hits.get(reference)![b])));
      const baselineMean = results.map((r) => meanHit(r, reference));
      return [...cells, ...perBudget.map((v, b) => points(pairedDifference(v, baseline[b]!))), points(pairedDifference(mean, baselineMean))];
    });
    sections.push(`#### ${label} (${results.length} tasks)\n\n${markdownTable(header, rows)}`);
  }
  return sections.join('\n\n');
}

/**
 * Issue 4's target for a ranker against BM25 (or `reference`), per language and over all: better on the
 * mean over budgets, and at no budget worse by more than one standard error.
 */
export function targetVerdicts(evaluation: Evaluation, ranker: string, reference = REFERENCE_RANKER): string {
  return languageGroups(evaluation)
    .map(([label, results]) => {
      const mean = pairedDifference(results.map((r) => meanHit(r, ranker)), results.map((r) => meanHit(r, reference)));
      const worse = BUDGET_FRACTIONS.flatMap((_, b) => {
        const d = pairedDifference(results.map((r) => Number(r.hits.get(ranker)![b])), results.map((r) => Number(r.hits.get(reference)![b])));
        return d.mean < -d.se ? [`${BUDGET_LABELS[b]} (${points(d)})`] : [];
      });
      const met = mean.mean > 0 && worse.length === 0;
      return `- ${label}: ${met ? 'met' : 'not met'}: mean ${points(mean)}${worse.length ? `; worse by more than one SE at ${worse.join(', ')}` : ''}`;
    })
    .join('\n');
}

/** The results of each language with tasks, then all of them. */
function languageGroups(evaluation: Evaluation): [string, readonly TaskResult[]][] {
  const groups: [string, readonly TaskResult[]][] = LANGUAGES.map((language) => [language, evaluation.results.filter((r) => r.task.language === language)]);
  return [...groups.filter(([, results]) => results.length > 0), ['all', evaluation.results]];
}

function meanHit(result: TaskResult, ranker: string): number {
  const hits = result.hits.get(ranker)!;
  return hits.filter(Boolean).length / hits.length;
}

/** How many chunks a context has and how large the gold chunk is: what the budgets are up against. */
export function contextShape(evaluation: Evaluation): string {
  const chunks = evaluation.results.map((r) => r.chunks);
  const gold = evaluation.results.map((r) => r.goldTokens);
  const spread = (values: number[]) => [0, 0.5, 1].map((q) => thousands(quantile(values, q))).join(' / ');
  return `Chunks per context (min / median / max): ${spread(chunks)}; gold chunk tokens: ${spread(gold)}`;
}

/** Tasks per language and package, context sizes, query lengths, and what generation left out. */
export function taskSetSummary(set: TaskSet): string {
  const byLanguage = LANGUAGES.map((language) => set.tasks.filter((t) => t.language === language));
  const sizeRow = (label: string, tasks: readonly RetrievalTask[]) => {
    const sizes = tasks.map((t) => t.contextTokens);
    const words = tasks.map((t) => proseWordCount(t.query));
    const packages = new Set(tasks.map((t) => t.package)).size;
    return [label, String(tasks.length), ...[0, 0.25, 0.5, 0.75, 1].map((q) => thousands(quantile(sizes, q))), String(quantile(words, 0.5)), String(packages)];
  };
  const sizes = markdownTable(
    ['language', 'tasks', 'context min', 'p25', 'median', 'p75', 'max', 'query words (median)', 'packages'],
    [...LANGUAGES.map((l, i) => sizeRow(l, byLanguage[i]!)), sizeRow('all', set.tasks)],
  );
  const packageRows = Object.entries(set.candidates).map(([name, c]) => {
    const dropped = Object.entries(c.dropped).map(([reason, n]) => `${reason}: ${n}`).join('; ');
    const counts = [c.files, c.documented, c.tooFewWords, c.namesItself, c.eligible, c.tried].map(String);
    return [c.language, name, ...counts, dropped || '–', String(c.tasks)];
  });
  const packageHeader = ['language', 'package', 'files', 'documented functions', '< min words', 'names itself', 'eligible', 'tried', 'dropped', 'tasks'];
  const packages = markdownTable(packageHeader, packageRows);
  return `${sizes}\n\n${packages}`;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
/** A difference of rates in percentage points, ± its standard error. */
const points = (d: Estimate) => `${d.mean >= 0 ? '+' : '−'}${Math.abs(100 * d.mean).toFixed(1)} ± ${(100 * d.se).toFixed(1)}`;
const thousands = (n: number) => n.toLocaleString('en');
