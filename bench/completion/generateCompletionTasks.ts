import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Chunk } from '../../src/core/chunking/chunk';
import type { ChunkedFiles } from '../retrieval/chunkedFiles';
import { chooseContextFiles } from '../retrieval/chooseContextFiles';
import { packageFiles, type CorpusPackage } from '../retrieval/corpusPackages';
import { PackageOffer, takeInTurn } from '../retrieval/packageOffer';
import { seededUnit } from '../retrieval/seededOrder';
import { callsOnLine } from './callsOnLine';
import type { CompletionDropReason, CompletionPackageSummary, CompletionTask, CompletionTaskSet, GoldDefinition } from './completionTask';
import { definitionIndex, signatureLine } from './definitionIndex';

/** Bump when a rule here, in callsOnLine or in definitionIndex changes what tasks are made: the cache is keyed by it. */
export const COMPLETION_GENERATOR_VERSION = '1';

export interface CompletionGenerationOptions {
  readonly seed: string;
  readonly tasksPerLanguage: number;
  readonly maxPerPackage: number;
  /** Context sizes in o200k tokens, as the retrieval benchmark's. */
  readonly minContextTokens: number;
  readonly maxContextTokens: number;
  /** Functions shorter than this have too little before any cursor to complete from. */
  readonly minFunctionLines: number;
}

export const DEFAULT_COMPLETION_GENERATION: CompletionGenerationOptions = {
  seed: 'longcodezip-completion',
  tasksPerLanguage: 150,
  maxPerPackage: 30,
  minContextTokens: 6_000,
  maxContextTokens: 30_000,
  minFunctionLines: 4,
};

interface Candidate {
  readonly key: string;
  readonly file: string;
  readonly fn: Chunk;
}

/** A package read once: its files in path order, their texts and tokens, its functions long enough to complete. */
interface ScannedPackage {
  readonly pkg: CorpusPackage;
  readonly files: readonly string[];
  readonly texts: ReadonlyMap<string, string>;
  readonly fileTokens: ReadonlyMap<string, number>;
  readonly candidates: readonly Candidate[];
}

/**
 * The completion tasks of each language, taken in turn from its packages as the retrieval generator does.
 * A package offers its functions (and methods) in seeded order; each becomes a task when, in a context of
 * files around it, some line of its body calls a name with exactly one definition elsewhere in the context
 * (one of those lines, drawn by the seed, is the cursor line); otherwise it is dropped with the reason.
 */
export async function generateCompletionTasks(
  packages: readonly CorpusPackage[],
  chunkedFiles: ChunkedFiles,
  options = DEFAULT_COMPLETION_GENERATION,
): Promise<CompletionTaskSet> {
  const tasks: CompletionTask[] = [];
  const summaries: Record<string, CompletionPackageSummary> = {};
  for (const language of [...new Set(packages.map((p) => p.language))]) {
    const scanned: ScannedPackage[] = [];
    for (const pkg of packages.filter((p) => p.language === language)) scanned.push(await scanPackage(pkg, chunkedFiles, options));
    const offers = scanned.map((s) => new PackageOffer<Candidate, CompletionTask, CompletionDropReason>(s.candidates, options.seed, (c) => makeTask(s, c, chunkedFiles, options)));
    tasks.push(...(await takeInTurn(offers, options)));
    scanned.forEach((s, i) => {
      summaries[s.pkg.name] = { language, files: s.files.length, functions: s.candidates.length, ...offers[i]!.counts() };
    });
  }
  return { version: COMPLETION_GENERATOR_VERSION, seed: options.seed, sources: packages.flatMap((p) => p.sources), tasks, packages: summaries };
}

async function scanPackage(pkg: CorpusPackage, chunkedFiles: ChunkedFiles, options: CompletionGenerationOptions): Promise<ScannedPackage> {
  const files = packageFiles(pkg);
  const texts = new Map<string, string>();
  const fileTokens = new Map<string, number>();
  const candidates: Candidate[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(pkg.folder, file), 'utf8');
    texts.set(file, text);
    const chunked = await chunkedFiles.chunk(file, text);
    fileTokens.set(file, chunked.tokens.reduce((sum, n) => sum + n, 0));
    for (const fn of chunked.file.chunks) {
      if ((fn.kind === 'function' || fn.kind === 'method') && fn.name && fn.endLine - fn.startLine + 1 >= options.minFunctionLines) {
        candidates.push({ key: `${pkg.name}/${file}:${fn.startLine}:${fn.name}`, file, fn });
      }
    }
  }
  return { pkg, files, texts, fileTokens, candidates };
}

async function makeTask(
  { pkg, files, texts, fileTokens }: ScannedPackage,
  { key, file, fn }: Candidate,
  chunkedFiles: ChunkedFiles,
  options: CompletionGenerationOptions,
): Promise<CompletionTask | CompletionDropReason> {
  const { minContextTokens: min, maxContextTokens: max, seed } = options;
  const tokensOf = (f: string) => fileTokens.get(f)!;
  if (tokensOf(file) > max) return 'file over the context cap';
  const target = Math.round(min + seededUnit(seed, `target:${key}`) * (max - min));
  const contextFiles = chooseContextFiles(files, file, tokensOf, { min, target, max });
  if (!contextFiles) return 'package too small for the context floor';

  const chunked = await Promise.all(contextFiles.map((f) => chunkedFiles.chunk(f, texts.get(f)!)));
  const definitions = definitionIndex(chunked.map((c) => c.file), fn.id);
  const lines = fn.text.split('\n');
  const signature = signatureLine(fn);
  const eligible: { line: number; gold: GoldDefinition[] }[] = [];
  for (let line = signature + 1; line <= fn.endLine; line++) {
    const gold = callsOnLine(lines[line - fn.startLine]!, fn.language!)
      .filter((name) => name !== fn.name && definitions.get(name)?.length === 1)
      .map((name) => definitions.get(name)![0]!)
      .map((chunk): GoldDefinition => ({ name: chunk.name!, path: chunk.path, chunkId: chunk.id, signatureLine: signatureLine(chunk) }));
    if (gold.length > 0) eligible.push({ line, gold });
  }
  if (eligible.length === 0) return 'no line calls a function defined once elsewhere in the context';
  const pick = eligible[Math.floor(seededUnit(seed, `line:${key}`) * eligible.length)]!;
  return {
    id: `${pkg.name}/${file}:${pick.line}:${fn.name}`,
    language: pkg.language,
    package: pkg.name,
    file,
    functionName: fn.name!,
    cursorLine: pick.line,
    expectedLine: lines[pick.line - fn.startLine]!.trim(),
    contextFiles,
    contextTokens: chunked.reduce((sum, c) => sum + c.tokens.reduce((s, n) => s + n, 0), 0),
    gold: pick.gold,
    contextHash: contextHash(contextFiles, contextFiles.map((f) => texts.get(f)!)),
  };
}

export function contextHash(files: readonly string[], texts: readonly string[]): string {
  const hash = createHash('sha1');
  files.forEach((file, i) => hash.update(`${file}\0${texts[i]}\0`));
  return hash.digest('hex');
}


