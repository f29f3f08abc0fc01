import type { Parser } from 'web-tree-sitter';
import type { ChunkedFiles } from './chunkedFiles';
import { chooseContextFiles } from './chooseContextFiles';
import { packageFiles, type CorpusPackage, type TaskLanguage } from './corpusPackages';
import { descriptionInContext } from './descriptionLeak';
import { holdsSignature } from './documentedFunctions';
import { PackageOffer, takeInTurn, type OfferCounts } from './packageOffer';
import type { DropReason, PackageCandidates, RetrievalTask, TaskSet } from './retrievalTask';
import { scanPackage, type Candidate, type ScannedPackage } from './scanPackage';
import { seededUnit } from './seededOrder';
import { chunkTaskContext } from './taskContext';

/** Bump when a rule below, in scanPackage or in docQuery changes what tasks are made: the cache is keyed by it. */
export const TASK_GENERATOR_VERSION = '1';

export interface GenerationOptions {
  readonly seed: string;
  readonly tasksPerLanguage: number;
  /** No package gives more tasks than this. */
  readonly maxPerPackage: number;
  /** Context sizes in o200k tokens: each task draws a target in [min, max]. */
  readonly minContextTokens: number;
  readonly maxContextTokens: number;
  /** Words of prose a query needs. */
  readonly minWords: number;
}

export const DEFAULT_GENERATION: GenerationOptions = {
  seed: 'longcodezip-retrieval',
  tasksPerLanguage: 150,
  maxPerPackage: 30,
  minContextTokens: 6_000,
  maxContextTokens: 30_000,
  minWords: 8,
};

export interface GenerationDeps {
  readonly chunkedFiles: ChunkedFiles;
  readonly pythonParser: Parser;
}

/**
 * The tasks of each language, taken in turn from its packages (one each round, in the corpus script's
 * order) until the language has `tasksPerLanguage` or its packages run out; each package offers its
 * eligible functions in seeded order and drops, with a reason, those that make no valid task.
 */
export async function generateTasks(packages: readonly CorpusPackage[], deps: GenerationDeps, options = DEFAULT_GENERATION): Promise<TaskSet> {
  const tasks: RetrievalTask[] = [];
  const candidates: Record<string, PackageCandidates> = {};
  const languages = [...new Set(packages.map((p) => p.language))];
  for (const language of languages) {
    const scanned: ScannedPackage[] = [];
    for (const pkg of packages.filter((p) => p.language === language)) scanned.push(await scanPackage(pkg, packageFiles(pkg), deps, options.minWords));
    const offers = scanned.map((s) => new PackageOffer<Candidate, RetrievalTask, DropReason>(s.candidates, options.seed, (c) => makeTask(s, c, deps, options)));
    tasks.push(...(await takeInTurn(offers, options)));
    scanned.forEach((s, i) => (candidates[s.pkg.name] = summary(s, language, offers[i]!.counts())));
  }
  return { version: TASK_GENERATOR_VERSION, seed: options.seed, sources: packages.flatMap((p) => p.sources), tasks, candidates };
}

async function makeTask(scanned: ScannedPackage, candidate: Candidate, deps: GenerationDeps, options: GenerationOptions): Promise<RetrievalTask | DropReason> {
  const { pkg, files, texts, fileTokens } = scanned;
  const { fn, file } = candidate;
  const text = texts.get(file)!;
  const changed = await deps.chunkedFiles.chunk(file, text.slice(0, fn.docStart) + text.slice(fn.docEnd));
  const { minContextTokens: min, maxContextTokens: max } = options;
  const target = Math.round(min + seededUnit(options.seed, `target:${candidate.key}`) * (max - min));
  const tokensOf = (f: string) => (f === file ? changed.tokens.reduce((sum, n) => sum + n, 0) : fileTokens.get(f)!);
  if (tokensOf(file) > max) return 'file over the context cap';
  const contextFiles = chooseContextFiles(files, file, tokensOf, { min, target, max });
  if (!contextFiles) return 'package too small for the context floor';

  const spec = { file, docText: fn.docText, docStart: fn.docStart, docEnd: fn.docEnd, contextFiles };
  const context = await chunkTaskContext(spec, pkg.folder, deps.chunkedFiles);
  if (descriptionInContext(fn.docText, candidate.query, context.texts)) return 'description found elsewhere in the context';
  const signatureOffset = fn.signatureOffset > fn.docStart ? fn.signatureOffset - (fn.docEnd - fn.docStart) : fn.signatureOffset;
  const gold = changed.file.chunks.find((c) => c.startOffset <= signatureOffset && signatureOffset < c.endOffset);
  if (!gold || gold.name !== fn.name || !holdsSignature(gold, changed.file)) return 'gold chunk not found after removing the doc';

  return {
    id: candidate.key,
    language: pkg.language,
    package: pkg.name,
    file,
    name: fn.name,
    line: fn.line,
    query: candidate.query,
    docText: fn.docText,
    docStart: fn.docStart,
    docEnd: fn.docEnd,
    contextFiles,
    contextTokens: context.totalTokens,
    goldChunkId: gold.id,
    contextHash: context.hash,
  };
}

function summary(scanned: ScannedPackage, language: TaskLanguage, counts: OfferCounts<DropReason>): PackageCandidates {
  const { files, documented, tooFewWords, namesItself, candidates } = scanned;
  return { language, files: files.length, documented, tooFewWords, namesItself, eligible: candidates.length, ...counts };
}
