import { BUDGET_FRACTIONS } from '../retrieval/packBudget';
import { markdownTable } from '../retrieval/report';
import { estimate, pairedDifference, quantile, type Estimate } from '../retrieval/statistics';
import type { CompletionEvaluation, CompletionResult } from './evaluateCompletion';
import type { CompletionTaskSet } from './completionTask';

const LANGUAGES = ['python', 'javascript', 'typescript'] as const;
const BUDGET_LABELS = BUDGET_FRACTIONS.map((f) => `1/${Math.round(1 / f)}`);

function groups(results: readonly CompletionResult[]): [string, readonly CompletionResult[]][] {
  const byLanguage = LANGUAGES.map((l): [string, CompletionResult[]] => [l, results.filter((r) => r.task.language === l)]);
  return [...byLanguage.filter(([, r]) => r.length > 0), ['all', results]];
}

const meanOver = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const rate = (e: Estimate) => `${e.mean.toFixed(3)} ± ${e.se.toFixed(3)}`;
const delta = (d: Estimate) => `${d.mean >= 0 ? '+' : '−'}${Math.abs(d.mean).toFixed(3)} ± ${d.se.toFixed(3)}`;

/** Dependency recall per language (and all) × row × budget, ± SE, with paired differences to `reference`. */
export function recallTables(evaluation: CompletionEvaluation, rows: readonly string[], reference: string): string {
  return groups(evaluation.results)
    .map(([label, results]) => {
      const header = ['row', ...BUDGET_LABELS.map((b) => `recall@${b}`), 'mean', ...BUDGET_LABELS.map((b) => `Δ@${b}`), 'Δ mean'];
      const perBudget = (row: string, b: number) => results.map((r) => r.recall.get(row)![b]!);
      const mean = (row: string) => results.map((r) => meanOver(r.recall.get(row)!));
      const lines = rows.map((row) => {
        const cells = [row, ...BUDGET_LABELS.map((_, b) => rate(estimate(perBudget(row, b)))), rate(estimate(mean(row)))];
        if (row === reference) return [...cells, ...BUDGET_LABELS.map(() => ''), ''];
        return [
          ...cells,
          ...BUDGET_LABELS.map((_, b) => delta(pairedDifference(perBudget(row, b), perBudget(reference, b)))),
          delta(pairedDifference(mean(row), mean(reference))),
        ];
      });
      return `#### ${label} (${results.length} tasks)\n\n${markdownTable(header, lines)}`;
    })
    .join('\n\n');
}

/**
 * Issue 7's target for `row`: at least `floor` at 1/8, ahead of every other row on the mean over budgets,
 * behind none at any budget by more than one SE (of the paired difference).
 */
export function completionTarget(evaluation: CompletionEvaluation, row: string, others: readonly string[], floor: number): string {
  const results = evaluation.results;
  const at = (name: string, b: number) => results.map((r) => r.recall.get(name)![b]!);
  const mean = (name: string) => results.map((r) => meanOver(r.recall.get(name)!));
  const last = BUDGET_FRACTIONS.length - 1;
  const eighth = estimate(at(row, last));
  const lines = [`- recall@${BUDGET_LABELS[last]} ${rate(eighth)}: ${eighth.mean >= floor ? 'met' : `not met (${(floor - eighth.mean).toFixed(3)} short)`} (target ≥ ${floor})`];
  for (const other of others) {
    const d = pairedDifference(mean(row), mean(other));
    const behind = BUDGET_FRACTIONS.flatMap((_, b) => {
      const e = pairedDifference(at(row, b), at(other, b));
      return e.mean < -e.se ? [`${BUDGET_LABELS[b]} (${delta(e)})`] : [];
    });
    const met = d.mean > 0 && behind.length === 0;
    lines.push(`- vs ${other}: ${met ? 'met' : 'not met'}: mean ${delta(d)}${behind.length ? `; behind by more than one SE at ${behind.join(', ')}` : ''}`);
  }
  return lines.join('\n');
}

/** Tasks per language, context sizes, gold per task, and what generation left out per package. */
export function completionTaskSummary(set: CompletionTaskSet): string {
  const row = (label: string, tasks: CompletionTaskSet['tasks']) => {
    const sizes = tasks.map((t) => t.contextTokens);
    const gold = tasks.map((t) => t.gold.length);
    return [label, String(tasks.length), ...[0, 0.5, 1].map((q) => quantile(sizes, q).toLocaleString('en')), meanOver(gold).toFixed(2), String(new Set(tasks.map((t) => t.package)).size)];
  };
  const sizes = markdownTable(
    ['language', 'tasks', 'context min', 'median', 'max', 'gold per task (mean)', 'packages'],
    [...LANGUAGES.map((l) => row(l, set.tasks.filter((t) => t.language === l))), row('all', set.tasks)],
  );
  const packages = markdownTable(
    ['language', 'package', 'files', 'functions', 'tried', 'dropped', 'tasks'],
    Object.entries(set.packages).map(([name, p]) => [
      p.language,
      name,
      String(p.files),
      String(p.functions),
      String(p.tried),
      Object.entries(p.dropped).map(([reason, n]) => `${reason}: ${n}`).join('; ') || '–',
      String(p.tasks),
    ]),
  );
  return `${sizes}\n\n${packages}`;
}
