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
 * Pins are never dropped: the caller made sure they fit.
 */
export function capToBudget(
  start: Selection,
  budget: number,
  render: (selection: Selection) => string,
  countTokens: (text: string) => number,
  tokensOfPick: (id: string, selection: Selection) => number,
): CappedText {
  let selection = start;
  for (;;) {
    const text = render(selection);
    const tokens = countTokens(text);
    if (tokens <= budget || selection.picks.length === 0) return { selection, text, tokens };
    let over = tokens - budget;
    while (over > 0 && selection.picks.length > 0) {
      const dropped = dropLowestUnit(selection, tokensOfPick);
      over -= dropped.tokens;
      selection = dropped.selection;
    }
  }
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
  if (trimmed && droppable) {
    const blocks = trimmed.blocks.map((block, i) => (i === droppable.i ? { ...block, kept: false } : block));
    const kept = blocks.filter((block) => block.kept);
    const next: TrimmedChunk = {
      blocks,
      keptLines: mergeRanges(kept.map((block) => block.lines)),
      keptTokens: kept.reduce((sum, block) => sum + block.tokens, 0),
    };
    return { selection: { ...selection, trimmed: new Map(selection.trimmed).set(last, next) }, tokens: droppable.block.tokens };
  }
  const tokens = tokensOfPick(last, selection);
  return { selection: { ...selection, picks: selection.picks.slice(0, -1) }, tokens: Math.max(1, tokens) };
}
