import { KneserNey } from './kneserNey';
import { NgramCounts } from './ngramCounts';
import { languageOfPath, type NgramText, ngramTokens } from './ngramTokens';
import { Vocabulary } from './vocabulary';

/** A context document: a file of the index (VS Code) or of the given paths (CLI). */
export interface SourceFile {
  /** Workspace-relative POSIX path: the document's identity. */
  readonly path: string;
  readonly text: string;
  /** Language id of the language table; by default from the path's extension. */
  readonly language?: string;
}

/** A span of one trained document to leave out of the counts: the current function in completion mode. */
export interface ExcludedRange {
  readonly path: string;
  /** UTF-16 offsets in the document's text as last trained; end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface NgramModelOptions {
  /** Highest n-gram order counted, 1..5. */
  readonly order?: number;
  /** The memory bound: at most this many distinct n-grams (all orders) are counted. */
  readonly maxNgrams?: number;
  /** How text becomes tokens. */
  readonly lex?: (text: string, language?: string) => NgramText;
}

export const DEFAULT_ORDER = 3;
/** About 100 MB of counts (50 bytes an n-gram); the whole Python standard library needs 1.0 million. */
export const DEFAULT_MAX_NGRAMS = 2_000_000;

interface StoredDocument {
  readonly path: string;
  /** Where the document stands in the training order: a hash of its path, so a subset is a spread sample. */
  readonly rank: number;
  ids: Int32Array;
  starts: Int32Array;
}

/**
 * The global n-gram model: Kneser-Ney counts over the context documents, kept equal to training from
 * scratch as documents are added, changed and removed.
 *
 * Memory bound: documents are taken in a fixed order (by a hash of their path) and counted while the
 * distinct n-grams stay at most `maxNgrams`; the first document that would cross the bound and every
 * one after it are not counted. Below the bound every document counts and the model is exact. Above it,
 * the model is exact for that subset, which depends only on the set of documents, never on the order
 * of updates. The token ids of every document are kept (4 bytes a token, 8 with offsets) so that
 * documents can join when others shrink or leave.
 */
export class NgramModel {
  readonly order: number;
  readonly maxNgrams: number;
  private vocabulary = new Vocabulary();
  private counts: NgramCounts;
  private kneserNey: KneserNey;
  private readonly lex: (text: string, language?: string) => NgramText;
  private readonly documents = new Map<string, StoredDocument>();
  /** Every document in training order; the first `trained` of them are counted. */
  private ordered: StoredDocument[] = [];
  private trained = 0;

  constructor(options: NgramModelOptions = {}) {
    this.order = options.order ?? DEFAULT_ORDER;
    this.maxNgrams = options.maxNgrams ?? DEFAULT_MAX_NGRAMS;
    this.lex = options.lex ?? ngramTokens;
    this.counts = new NgramCounts(this.order);
    this.kneserNey = new KneserNey(this.counts);
  }

  get words(): Vocabulary {
    return this.vocabulary;
  }

  get ngrams(): NgramCounts {
    return this.counts;
  }

  get probabilities(): KneserNey {
    return this.kneserNey;
  }

  /** Tokenizes `text` the way documents are. */
  tokens(text: string, language?: string): NgramText {
    return this.lex(text, language);
  }

  /** What is counted now; `vocabulary` counts every token string ever stored since the last rebuild. */
  get stats(): { documents: number; countedDocuments: number; tokens: number; ngrams: number; vocabulary: number; bytes: number } {
    let stored = 0;
    for (const document of this.ordered) stored += document.ids.byteLength + document.starts.byteLength;
    return {
      documents: this.ordered.length,
      countedDocuments: this.trained,
      tokens: this.counts.tokens,
      ngrams: this.counts.ngramCount,
      vocabulary: this.vocabulary.size,
      bytes: this.counts.bytes + stored,
    };
  }

  /** Whether `path` is counted (false when unknown, or beyond the memory bound). */
  isCounted(path: string): boolean {
    const document = this.documents.get(path);
    return document !== undefined && this.ordered.indexOf(document) < this.trained;
  }

  /** Replaces everything with these documents. */
  train(files: Iterable<SourceFile>): void {
    this.vocabulary = new Vocabulary();
    this.resetCounts();
    this.documents.clear();
    this.ordered = [];
    this.trained = 0;
    for (const file of files) {
      const document = this.stored(file);
      this.documents.set(file.path, document);
      this.ordered.push(document);
    }
    this.ordered.sort(byRank);
    this.fillToBound();
  }

  /** Adds a document or replaces its text: the old counts go, the new ones come. */
  update(path: string, text: string, language?: string): void {
    const file = language === undefined ? { path, text } : { path, text, language };
    const old = this.documents.get(path);
    if (old) {
      const counted = this.ordered.indexOf(old) < this.trained;
      if (counted) this.counts.addSequence(old.ids, -1);
      const fresh = this.stored(file);
      old.ids = fresh.ids;
      old.starts = fresh.starts;
      if (counted) this.counts.addSequence(old.ids, 1);
    } else {
      const document = this.stored(file);
      this.documents.set(path, document);
      const at = insertionPoint(this.ordered, document);
      this.ordered.splice(at, 0, document);
      if (at < this.trained) {
        this.counts.addSequence(document.ids, 1);
        this.trained += 1;
      }
    }
    this.keepBound();
  }

  remove(path: string): void {
    const document = this.documents.get(path);
    if (!document) return;
    const at = this.ordered.indexOf(document);
    if (at < this.trained) {
      this.counts.addSequence(document.ids, -1);
      this.trained -= 1;
    }
    this.ordered.splice(at, 1);
    this.documents.delete(path);
    this.keepBound();
  }

  /**
   * Takes the tokens of `range` out of the counts, as if the document had been trained without them
   * (the tokens before and after the range meet); the returned function puts them back. A document that
   * is not counted is left as it is. The n-grams across the cut may pass the bound for the meantime.
   */
  exclude(range: ExcludedRange): () => void {
    const document = this.documents.get(range.path);
    if (!document || !this.isCounted(range.path)) return () => {};
    const kept: number[] = [];
    for (let i = 0; i < document.ids.length; i++) {
      const start = document.starts[i]!;
      if (start < range.start || start >= range.end) kept.push(document.ids[i]!);
    }
    if (kept.length === document.ids.length) return () => {};
    const original = document.ids;
    const cut = Int32Array.from(kept);
    this.counts.addSequence(original, -1);
    this.counts.addSequence(cut, 1);
    let restored = false;
    return () => {
      if (restored) return;
      restored = true;
      this.counts.addSequence(cut, -1);
      this.counts.addSequence(original, 1);
    };
  }

  private stored(file: SourceFile): StoredDocument {
    const lexed = this.lex(file.text, file.language ?? languageOfPath(file.path));
    const ids = new Int32Array(lexed.tokens.length);
    for (let i = 0; i < ids.length; i++) ids[i] = this.vocabulary.intern(lexed.tokens[i]!);
    return { path: file.path, rank: pathHash(file.path), ids, starts: lexed.starts };
  }

  /** After a change: drop documents from the end while over the bound, then take more while they fit. */
  private keepBound(): void {
    while (this.trained > 0 && this.counts.ngramCount > this.maxNgrams) {
      this.trained -= 1;
      this.counts.addSequence(this.ordered[this.trained]!.ids, -1);
    }
    this.fillToBound();
    if (this.counts.slots > 2 * this.counts.ngramCount + 65_536) this.rebuild();
  }

  private fillToBound(): void {
    while (this.trained < this.ordered.length) {
      const next = this.ordered[this.trained]!;
      this.counts.addSequence(next.ids, 1);
      if (this.counts.ngramCount > this.maxNgrams) {
        this.counts.addSequence(next.ids, -1);
        return;
      }
      this.trained += 1;
    }
  }

  /** Counts again from the stored documents, with a fresh vocabulary: reclaims what subtraction left. */
  private rebuild(): void {
    const vocabulary = new Vocabulary();
    for (const document of this.ordered) {
      const ids = new Int32Array(document.ids.length);
      for (let i = 0; i < ids.length; i++) ids[i] = vocabulary.intern(this.vocabulary.textOf(document.ids[i]!));
      document.ids = ids;
    }
    this.vocabulary = vocabulary;
    this.resetCounts();
    for (let i = 0; i < this.trained; i++) this.counts.addSequence(this.ordered[i]!.ids, 1);
  }

  private resetCounts(): void {
    this.counts = new NgramCounts(this.order);
    this.kneserNey = new KneserNey(this.counts);
  }
}

function byRank(a: StoredDocument, b: StoredDocument): number {
  return a.rank - b.rank || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function insertionPoint(ordered: readonly StoredDocument[], document: StoredDocument): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (byRank(ordered[mid]!, document) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** FNV-1a of the path: a fixed, spread-out training order. */
function pathHash(path: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
