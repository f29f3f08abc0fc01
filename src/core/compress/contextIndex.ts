import type { Chunk, FileChunks, Scope } from '../chunking/chunk';

/** Lookups over the chunked context that every stage needs: chunks by id, their files, scopes, tokens. */
export class ContextIndex {
  readonly chunks = new Map<string, Chunk>();
  readonly files = new Map<string, FileChunks>();
  private readonly scopes = new Map<string, Scope>();
  private readonly tokenCounts = new Map<string, number>();
  /** Position of each chunk in its file. */
  private readonly positions = new Map<string, number>();

  constructor(
    files: readonly FileChunks[],
    private readonly countTokens: (text: string) => number,
  ) {
    for (const file of files) {
      this.files.set(file.path, file);
      file.chunks.forEach((chunk, i) => {
        this.chunks.set(chunk.id, chunk);
        this.positions.set(chunk.id, i);
      });
      for (const scope of file.scopes) this.scopes.set(scope.id, scope);
    }
  }

  /** Counts any text with the budget tokenizer. */
  countTokensOf(text: string): number {
    return this.countTokens(text);
  }

  chunk(id: string): Chunk {
    const chunk = this.chunks.get(id);
    if (!chunk) throw new Error(`Unknown chunk ${id}.`);
    return chunk;
  }

  /** Budget-tokenizer tokens of a chunk's text, counted once. */
  tokens(id: string): number {
    let count = this.tokenCounts.get(id);
    if (count === undefined) {
      count = this.countTokens(this.chunk(id).text);
      this.tokenCounts.set(id, count);
    }
    return count;
  }

  /** The chunk before this one in its file, if any. */
  previousInFile(id: string): Chunk | undefined {
    const chunk = this.chunk(id);
    return this.files.get(chunk.path)!.chunks[this.positions.get(id)! - 1];
  }

  nextInFile(id: string): Chunk | undefined {
    const chunk = this.chunk(id);
    return this.files.get(chunk.path)!.chunks[this.positions.get(id)! + 1];
  }

  /**
   * What keeping a chunk brings along (algorithm.md, Rendering): the header and footer of every container
   * around it, and for a function cut into parts, the part with its signature and the one with its end.
   * A kept container header brings its footer the same way (its scope is its own container).
   */
  broughtBy(id: string): string[] {
    const brought: string[] = [];
    for (let scopeId = this.chunk(id).scope; scopeId !== undefined; ) {
      const scope = this.scopes.get(scopeId);
      if (!scope) break;
      for (const member of [scope.openingChunk, scope.closingChunk]) {
        if (member !== undefined && member !== id && !brought.includes(member)) brought.push(member);
      }
      scopeId = scope.scope;
    }
    return brought;
  }

  /** Whether a function-part chunk holds its function's signature / closing line. */
  partRole(id: string): { opens: boolean; closes: boolean } {
    const chunk = this.chunk(id);
    const scope = chunk.scope === undefined ? undefined : this.scopes.get(chunk.scope);
    if (chunk.kind !== 'function-part' || !scope) return { opens: true, closes: true };
    return { opens: scope.openingChunk === id, closes: scope.closingChunk === id };
  }
}
