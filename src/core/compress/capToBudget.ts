import type { BlockDecision } from './compressionResult';
import { mergeRanges, type Selection, type TrimmedChunk } from './selection';

export interface CappedText {
  readonly selection: Selection;
  readonly text: string;
  readonly tokens: number;
}

/**
 * The cap guarantee (algorithm.md): render, count with the budget tokenizer, and while over the budget
 * drop the lowest-value kept unit — a trimmable block of the lowest-ranked pick, else that pick — and
 * render again. Each round drops about as many tokens as the text is over, so few renders are needed.
 * What a drop saves is only estimated (a file header or a placeholder can go with it), so when a round
 * lands under the budget, the earliest of its steps that already fits is the one kept: a better-ranked
 * pick is never dropped for an underestimate. Pins are never dropped: the caller made sure they fit.
 */
export function capToBudget(
  start: Selection,
  budget: number,
  render: (selection: Selection) => string,
  countTokens: (text: string) => number,
  tokensOfPick: (id: string, selection: Selection) => number,
): CappedText {
  const measure = (selection: Selection): CappedText => {
    const text = render(selection);
    return { selection, text, tokens: countTokens(text) };
  };
  let current = measure(start);
  while (current.tokens > budget && current.selection.picks.length > 0) {
    const steps: Selection[] = [];
    let selection = current.selection;
    for (let over = current.tokens - budget; over > 0 && selection.picks.length > 0; ) {
      const dropped = dropLowestUnit(selection, tokensOfPick);
      over -= dropped.tokens;
      selection = dropped.selection;
      steps.push(selection);
    }
    const last = measure(steps.at(-1)!);
    if (last.tokens > budget) {
      current = last;
      continue;
    }
    return earliestFitting(steps, last, budget, measure);
  }
  return current;
}

/** Binary search of a round's steps for the first that fits (the last one does). */
function earliestFitting(steps: readonly Selection[], last: CappedText, budget: number, measure: (selection: Selection) => CappedText): CappedText {
  let best = last;
  let low = 0;
  let high = steps.length - 2;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const trial = measure(steps[middle]!);
    if (trial.tokens <= budget) {
      best = trial;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return best;
}

function dropLowestUnit(
  selection: Selection,
  tokensOfPick: (id: string, selection: Selection) => number,
): { selection: Selection; tokens: number } {
  const last = selection.picks.at(-1)!;
  const trimmed = selection.trimmed.get(last);
  const droppable = trimmed?.blocks
    .map((block, i) => ({ block, i }))
    .filter(({ block }) => block.kept && !block.alwaysKept)
    .sort((a, b) => a.block.score - b.block.score)[0];
  const gone = droppable && trimmed ? withNestedBlocks(trimmed.blocks, droppable.i) : new Set<number>();
  const blocks = trimmed?.blocks.map((block, i) => (gone.has(i) && block.kept ? { ...block, kept: false } : block));
  const kept = blocks?.filter((block) => block.kept) ?? [];
  // A middle part of a function has no always-kept block: its last block goes with the pick itself.
  if (blocks && droppable && kept.length > 0) {
    const next: TrimmedChunk = {
      blocks,
      keptLines: mergeRanges(kept.map((block) => block.lines)),
      keptTokens: kept.reduce((sum, block) => sum + block.tokens, 0),
    };
    const saved = trimmed!.blocks.reduce((sum, block, i) => sum + (gone.has(i) && block.kept ? block.tokens : 0), 0);
    return { selection: { ...selection, trimmed: new Map(selection.trimmed).set(last, next) }, tokens: saved };
  }
  const tokens = tokensOfPick(last, selection);
  const rest = new Map(selection.trimmed);
  rest.delete(last);
  return { selection: { ...selection, picks: selection.picks.slice(0, -1), trimmed: rest }, tokens: Math.max(1, tokens) };
}

/**
 * The decisions (indices) that go when decision `i` goes: every range of its block, and of every block
 * nested in it, however deep.
 */
function withNestedBlocks(decisions: readonly BlockDecision[], i: number): Set<number> {
  const first = decisions[i]!;
  if (first.block === undefined) return new Set([i]);
  const blocks = new Set([first.block]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of decisions) {
      if (d.block !== undefined && d.needs !== undefined && blocks.has(d.needs) && !blocks.has(d.block)) {
        blocks.add(d.block);
        grew = true;
      }
    }
  }
  return new Set(decisions.flatMap((d, j) => (d.block !== undefined && blocks.has(d.block) ? [j] : [])));
}
