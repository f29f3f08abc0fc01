import type { Parser } from 'web-tree-sitter';
import type { ChunkedFiles } from './chunkedFiles';
import { chooseContextFiles } from './chooseContextFiles';
import { packageFiles, type CorpusPackage, type TaskLanguage } from './corpusPackages';
import { descriptionInContext } from './descriptionLeak';
import { holdsSignature } from './documentedFunctions';
import type { DropReason, PackageCandidates, RetrievalTask, TaskSet } from './retrievalTask';
import { scanPackage, type Candidate, type ScannedPackage } from './scanPackage';
import { seededOrder, seededUnit } from './seededOrder';
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
    const offers: PackageOffer[] = [];
    for (const pkg of packages.filter((p) => p.language === language)) {
      offers.push(new PackageOffer(await scanPackage(pkg, packageFiles(pkg), deps, options.minWords), deps, options));
    }
    tasks.push(...(await takeInTurn(offers, options)));
    for (const offer of offers) candidates[offer.scanned.pkg.name] = offer.summary(language);
  }
  return { version: TASK_GENERATOR_VERSION, seed: options.seed, sources: packages.flatMap((p) => p.sources), tasks, candidates };
}

async function takeInTurn(offers: PackageOffer[], options: GenerationOptions): Promise<RetrievalTask[]> {
  const taken: RetrievalTask[] = [];
  let open = offers.filter((offer) => offer.remaining > 0);
  while (taken.length < options.tasksPerLanguage && open.length > 0) {
    for (const offer of open) {
      if (taken.length >= options.tasksPerLanguage) break;
      const task = await offer.next();
      if (task) taken.push(task);
    }
    open = open.filter((offer) => offer.remaining > 0 && offer.made < options.maxPerPackage);
  }
  return taken;
}

/** One package's eligible functions in seeded order, made into tasks one at a time. */
class PackageOffer {
  private readonly order: readonly Candidate[];
  private tried = 0;
  private taken = 0;
  private readonly dropped: Partial<Record<DropReason, number>> = {};

  constructor(
    readonly scanned: ScannedPackage,
    private readonly deps: GenerationDeps,
    private readonly options: GenerationOptions,
  ) {
    this.order = seededOrder(scanned.candidates, options.seed, (c) => c.key);
  }

  get made(): number {
    return this.taken;
  }

  get remaining(): number {
    return this.order.length - this.tried;
  }

  /** The next valid task, or undefined when none is left. */
  async next(): Promise<RetrievalTask | undefined> {
    while (this.remaining > 0) {
      const made = await this.makeTask(this.order[this.tried++]!);
      if (typeof made !== 'string') {
        this.taken++;
        return made;
      }
      this.dropped[made] = (this.dropped[made] ?? 0) + 1;
    }
    return undefined;
  }

  private async makeTask(candidate: Candidate): Promise<RetrievalTask | DropReason> {
    const { pkg, files, texts, fileTokens } = this.scanned;
    const { fn, file } = candidate;
    const text = texts.get(file)!;
    const changed = await this.deps.chunkedFiles.chunk(file, text.slice(0, fn.docStart) + text.slice(fn.docEnd));
    const { minContextTokens: min, maxContextTokens: max } = this.options;
    const target = Math.round(min + seededUnit(this.options.seed, `target:${candidate.key}`) * (max - min));
    const tokensOf = (f: string) => (f === file ? changed.tokens.reduce((sum, n) => sum + n, 0) : fileTokens.get(f)!);
    if (tokensOf(file) > max) return 'file over the context cap';
    const contextFiles = chooseContextFiles(files, file, tokensOf, { min, target, max });
    if (!contextFiles) return 'package too small for the context floor';

    const spec = { file, docText: fn.docText, docStart: fn.docStart, docEnd: fn.docEnd, contextFiles };
    const context = await chunkTaskContext(spec, pkg.folder, this.deps.chunkedFiles);
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

  summary(language: TaskLanguage): PackageCandidates {
    const { files, documented, tooFewWords, namesItself, candidates } = this.scanned;
    const eligible = candidates.length;
    return { language, files: files.length, documented, tooFewWords, namesItself, eligible, tried: this.tried, dropped: this.dropped, tasks: this.taken };
  }
}
