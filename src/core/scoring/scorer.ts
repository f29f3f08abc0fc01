/** Which scorer runs, and how: shown to the user with every result. */
export interface ScorerInfo {
  readonly name: 'ngram' | 'onnx' | 'remote';
  readonly model: string;
  readonly device: string;
  readonly dtype: string;
  readonly threads: number;
}

export interface ScoreOptions {
  readonly signal?: AbortSignal;
  /** Told how far a long run has got (items done of total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Told, once per occurrence, of anything the user should know: an input cut to the model's window. */
  readonly onNote?: (note: string) => void;
}

/** A causal language model as the compressor uses it: log-probabilities of the query and of lines. */
export interface Scorer {
  info(): ScorerInfo;
  /**
   * Natural-log probabilities of each query token after each context followed by a blank line;
   * result[i] belongs to contexts[i]. A context of '' gives the unconditioned log-probs (PPL(q)).
   */
  queryLogProbs(contexts: readonly string[], query: string, options?: ScoreOptions): Promise<Float64Array[]>;
  /**
   * Per line of `text` (split on \n): the mean natural-log probability of the line's tokens given the
   * previous lines of `text`; NaN for a line with no token to predict.
   */
  lineLogProbs(text: string, options?: ScoreOptions): Promise<Float64Array>;
}
