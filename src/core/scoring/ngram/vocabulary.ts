/** Token ids below this are the vocabulary's; ids from here up name tokens seen only while scoring. */
export const SCRATCH_BASE = 2 ** 25;

/** The end of a line: a token of its own, and the padding before the first token of every text. */
export const LINE_END = '\n';
export const LINE_END_ID = 0;

/** Interns token strings as small integer ids. Ids are never reused; a rebuild makes a fresh one. */
export class Vocabulary {
  private readonly ids = new Map<string, number>([[LINE_END, LINE_END_ID]]);
  private readonly texts: string[] = [LINE_END];

  get size(): number {
    return this.texts.length;
  }

  idOf(token: string): number | undefined {
    return this.ids.get(token);
  }

  intern(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.texts.length;
      if (id >= SCRATCH_BASE) throw new Error(`n-gram vocabulary over ${SCRATCH_BASE} distinct tokens`);
      this.ids.set(token, id);
      this.texts.push(token);
    }
    return id;
  }

  textOf(id: number): string {
    return this.texts[id]!;
  }
}

/**
 * Ids for the tokens of texts being scored: the vocabulary's id where it has one, else a scratch id
 * (from SCRATCH_BASE up) that is the same for equal strings within one scoring call. Scratch ids never
 * reach the vocabulary, so scoring leaves nothing behind.
 */
export class ScoringIds {
  private readonly scratch = new Map<string, number>();

  constructor(private readonly vocabulary: Vocabulary) {}

  idOf(token: string): number {
    const known = this.vocabulary.idOf(token);
    if (known !== undefined) return known;
    let id = this.scratch.get(token);
    if (id === undefined) {
      id = SCRATCH_BASE + this.scratch.size;
      this.scratch.set(token, id);
    }
    return id;
  }

  idsOf(tokens: readonly string[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = this.idOf(tokens[i]!);
    return ids;
  }
}
