/** Whether a chunk is kept: a set, or a set with a few more chunks on trial. */
export type KeptChunks = Pick<ReadonlySet<string>, 'has'>;

/** What the coarse stage needs to know about the context, as plain functions. */
export interface CoarseContext {
  /** Budget-tokenizer tokens of a chunk. */
  tokens(id: string): number;
  /** The chunks a kept chunk brings along (containers, function parts). */
  broughtBy(id: string): readonly string[];
  /** Extra tokens keeping this chunk adds to the rendering given what is kept: file header, placeholder. */
  renderingCost(id: string, kept: KeptChunks): number;
}

export interface CoarseSelection {
  /** Every kept chunk: those already kept, the picks and what they brought. */
  readonly kept: Set<string>;
  /** The picks in rank order, each with the chunks it brought (not already kept). */
  readonly picks: readonly { readonly id: string; readonly brought: readonly string[] }[];
  /** Tokens spent by the picks, their companions and their rendering costs. */
  readonly spent: number;
}

/**
 * Stage 1's selection (algorithm.md): chunks by rank while they fit. A chunk whose cost — its tokens,
 * the containers it brings that are not kept yet, a new file header or placeholder — does not fit the
 * remaining budget is skipped and the next one tried, so the budget never overflows.
 */
export function selectCoarse(ranked: readonly string[], context: CoarseContext, budget: number, alreadyKept: Iterable<string> = []): CoarseSelection {
  const kept = new Set(alreadyKept);
  const picks: { id: string; brought: string[] }[] = [];
  let spent = 0;
  for (const id of ranked) {
    if (kept.has(id)) continue;
    const brought = context.broughtBy(id).filter((other) => !kept.has(other));
    const group = [id, ...brought];
    let cost = 0;
    const added = new Set<string>();
    const trial: KeptChunks = { has: (other) => kept.has(other) || added.has(other) };
    for (const member of group) {
      cost += context.tokens(member) + context.renderingCost(member, trial);
      added.add(member);
    }
    if (spent + cost > budget) continue;
    for (const member of group) kept.add(member);
    picks.push({ id, brought });
    spent += cost;
  }
  return { kept, picks, spent };
}
