import { FUNCTION_KINDS, type Chunk } from '../chunking/chunk';
import { effectiveMode, rankChunks, type RankedChunk } from '../retrieval/rankChunks';
import { structuralRanking } from '../retrieval/structure/structuralRanking';
import { buildResult } from './buildResult';
import { capToBudget } from './capToBudget';
import type { CompressionRequest, CompressionServices } from './compressionRequest';
import type { CompressionResult, ScoringCounts, TextCounts } from './compressionResult';
import { ContextIndex } from './contextIndex';
import { selectLines } from './fine/selectLines';
import { isTrimmable } from './fine/trimmable';
import { prepareQuery } from './prepareQuery';
import { renderSelection } from './renderSelection';
import { scoringPool } from './scoringPool';
import { selectCoarse } from './selectCoarse';
import { keptChunks, type Selection } from './selection';

/**
 * LongCodeZip (algorithm.md): rank the chunks against the query, keep the best under B / R_fine, trim
 * inside the kept functions block by block, render, and trim to the hard cap.
 */
export async function compress(request: CompressionRequest, services: CompressionServices): Promise<CompressionResult> {
  const clock = stageClock();
  const { parameters } = request;
  const { countTokens, signal } = services;
  const index = new ContextIndex(request.files, countTokens);
  const setup = prepareQuery(request, index);
  const render = renderSelection(index, request.format ?? 'text', setup.tail);
  const fixedTokens = countTokens(render(setup.start));
  setup.checkFits(fixedTokens, parameters.budget);

  const scorer = services.scorer(setup.hidden);
  const onNote = (note: string) => {
    if (!setup.notes.includes(note)) setup.notes.push(note);
  };
  const candidates = [...index.chunks.values()].filter((chunk) => !setup.start.pinned.has(chunk.id) && !setup.excluded.has(chunk.id));
  // Completion mode: structural evidence around the cursor, a third ranked list (docs/structure.md).
  const structure =
    request.query.mode === 'completion' && parameters.structure !== 'off'
      ? structuralRanking([...index.files.values()], request.query.cursor, setup.query)
      : undefined;
  const extraLists: Record<string, readonly string[]> = structure ? { structure: structure.ranked } : {};
  const poolTokens = (parameters.poolFactor * (parameters.budget - fixedTokens)) / parameters.fineRatio;
  const pool =
    scorer.info().name !== 'ngram' && services.cheapScorer
      ? await scoringPool(candidates, setup.query, services.cheapScorer(setup.hidden), (id) => index.tokens(id), poolTokens, { signal, onNote, extraLists })
      : candidates;
  const ranked = await rankChunks(pool, setup.query, scorer, {
    mode: parameters.ranking,
    extraLists,
    signal,
    onNote,
    onProgress: (done, total) => services.onProgress?.('rank', done, total),
  });
  const timings = { rank: clock.lap() };
  const rankCounts = services.scoringCounts?.();

  // A function stage 2 may trim is charged the share of it that stage 2 keeps (docs/compression.md).
  const expectedTokens = (id: string) => index.tokens(id) * (isTrimmable(index.chunk(id), parameters.minLinesForFine) ? parameters.fineRatio : 1);
  const coarse = selectCoarse(
    ranked.map((entry) => entry.id),
    { tokens: expectedTokens, broughtBy: (id) => index.broughtBy(id), renderingCost: render.costOfAdding },
    parameters.budget - fixedTokens,
    setup.start.pinned,
  );
  let selection: Selection = { ...setup.start, picks: coarse.picks.map((pick) => pick.id) };
  const coarseMillis = clock.lap();

  const rendered = countTokens(render(selection));
  if (parameters.fineRatio < 1 && rendered > parameters.budget) {
    selection = await trimFunctions(selection, rendered, ranked, request, { ...services, onNote }, scorer, index, setup.query);
  }
  const fineMillis = clock.lap();

  const tokensOfPick = (id: string, current: Selection) => pickTokens(id, current, index);
  let capped = capToBudget(selection, parameters.budget, render, countTokens, tokensOfPick);
  const refilled = refill(capped.selection, parameters.budget - capped.tokens, ranked, index, render);
  if (refilled) capped = capToBudget(refilled, parameters.budget, render, countTokens, tokensOfPick);
  const renderMillis = clock.lap();
  const scoring = rankCounts && scoringByStage(rankCounts, services.scoringCounts!());
  const unscored = (scoring?.rank.missing ?? 0) + (scoring?.fine.missing ?? 0);
  if (unscored > 0) {
    setup.notes.push(
      `Re-selected from cached scores only: ${unscored} text${unscored === 1 ? ' was' : 's were'} never scored (ranked on their other evidence; functions kept or dropped whole). Compress again to score them.`,
    );
  }
  return buildResult({
    request,
    index,
    query: setup.query,
    ranked,
    evidence: structure?.evidence,
    capped,
    scorer: scorer.info(),
    scoring,
    timings: {
      chunk: request.prepared?.chunkMillis ?? 0,
      rank: timings.rank,
      coarse: coarseMillis,
      fine: fineMillis,
      render: renderMillis,
    },
    notes: setup.notes,
  });
}

/** Stage 2 on the kept functions, with what the rest of the rendering leaves of the budget. */
async function trimFunctions(
  selection: Selection,
  renderedTokens: number,
  ranked: readonly RankedChunk[],
  request: CompressionRequest,
  services: CompressionServices & { onNote(note: string): void },
  scorer: ReturnType<CompressionServices['scorer']>,
  index: ContextIndex,
  query: string,
): Promise<Selection> {
  const scores = new Map(ranked.map((entry) => [entry.id, entry.score]));
  const functions: Chunk[] = [...keptChunks(selection, index)]
    .filter((id) => !selection.pinned.has(id))
    .map((id) => index.chunk(id))
    .filter((chunk) => FUNCTION_KINDS.has(chunk.kind));
  const functionTokens = functions.reduce((sum, chunk) => sum + index.tokens(chunk.id), 0);
  const budget = request.parameters.budget - (renderedTokens - functionTokens);
  const outcome = await selectLines(
    functions.map((chunk) => ({ chunk, coarseScore: scores.get(chunk.id) ?? 0, ...index.partRole(chunk.id) })),
    query,
    scorer,
    budget,
    { ...request.parameters, blockRanking: effectiveMode(request.parameters.ranking, scorer) },
    {
      countTokens: services.countTokens,
      hardCap: budget,
      signal: services.signal,
      onNote: services.onNote,
      onProgress: (done, total) => services.onProgress?.('fine', done, total),
    },
  );
  const trimmed = new Map(selection.trimmed);
  const dropped = new Set<string>();
  for (const [id, fine] of outcome) {
    if (fine.dropped) dropped.add(id);
    else if (fine.blocks.some((block) => !block.kept)) trimmed.set(id, fine);
  }
  // A dropped chunk takes down every pick that needs it (a function part's signature or closing part).
  const picks = selection.picks.filter((id) => !dropped.has(id) && !index.broughtBy(id).some((brought) => dropped.has(brought)));
  return { ...selection, picks, trimmed };
}

/**
 * B_coarse may have gone to chunks the cap then dropped whole (stage 2 cannot shrink them): what they
 * crowded out can still fill the room left, best rank first. Undefined when nothing more fits.
 */
function refill(
  selection: Selection,
  room: number,
  ranked: readonly RankedChunk[],
  index: ContextIndex,
  render: ReturnType<typeof renderSelection>,
): Selection | undefined {
  const extra = selectCoarse(
    ranked.map((entry) => entry.id),
    { tokens: (id) => selection.trimmed.get(id)?.keptTokens ?? index.tokens(id), broughtBy: (id) => index.broughtBy(id), renderingCost: render.costOfAdding },
    room,
    keptChunks(selection, index),
  );
  if (extra.picks.length === 0) return undefined;
  return { ...selection, picks: [...selection.picks, ...extra.picks.map((pick) => pick.id)] };
}

/** Tokens a pick accounts for: its kept lines (estimated from its trim) and what only it brings along. */
function pickTokens(id: string, selection: Selection, index: ContextIndex): number {
  const own = selection.trimmed.get(id)?.keptTokens ?? index.tokens(id);
  const others = new Set(selection.picks.filter((pick) => pick !== id).flatMap((pick) => [pick, ...index.broughtBy(pick)]));
  const alone = index.broughtBy(id).filter((brought) => !others.has(brought) && !selection.pinned.has(brought));
  return own + alone.reduce((sum, brought) => sum + (selection.trimmed.get(brought)?.keptTokens ?? index.tokens(brought)), 0);
}

/** The scorers' counts split at the end of ranking: what ranking asked, and what stage 2 asked after it. */
function scoringByStage(afterRanking: TextCounts, atEnd: TextCounts): ScoringCounts {
  return {
    rank: afterRanking,
    fine: { scored: atEnd.scored - afterRanking.scored, cached: atEnd.cached - afterRanking.cached, missing: atEnd.missing - afterRanking.missing },
  };
}

function stageClock(): { lap(): number } {
  let last = performance.now();
  return {
    lap() {
      const now = performance.now();
      const millis = now - last;
      last = now;
      return Math.round(millis * 10) / 10;
    },
  };
}

