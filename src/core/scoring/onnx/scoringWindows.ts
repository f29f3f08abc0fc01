// How a causal LM's window cuts what is scored: shared by the local (onnx) and the remote scorer, so
// both score exactly the same tokens and say so in the same words.

/** Between a context and the query: the query is scored as `tok(context) ++ tok(SEPARATOR) ++ tok(query)`. */
export const SEPARATOR = '\n\n';
/** Each window after the first starts this share of a window before the previous one ended. */
const WINDOW_OVERLAP = 0.5;

/** The query tokens that are scored: the last `window - separator` of them when the query is longer. */
export function fitQuery(queryIds: Int32Array, separatorLength: number, window: number, onNote?: (note: string) => void): Int32Array {
  if (separatorLength + queryIds.length <= window) return queryIds;
  const kept = window - separatorLength;
  onNote?.(
    `The query is ${queryIds.length} model tokens, longer than the model's window of ${window}: only its last ${kept} tokens were scored, with no context before them.`,
  );
  return queryIds.slice(queryIds.length - kept);
}

/** A context as scored before the query: its last `room` tokens (the part nearest the query). */
export function fitContext(ids: Int32Array, room: number): { readonly ids: Int32Array; readonly cut: boolean } {
  return ids.length <= room ? { ids, cut: false } : { ids: ids.slice(ids.length - room), cut: true };
}

/** Told once per call when contexts were cut by fitContext. */
export function noteCutContexts(cut: number, contexts: number, room: number, window: number, onNote?: (note: string) => void): void {
  if (cut > 0 && room > 0) {
    onNote?.(
      `${cut} of ${contexts} contexts are longer than the ${room} model tokens the window of ${window} leaves before the query: their start was left out, the part nearest the query was scored.`,
    );
  }
}

/** One pass of a long text: tokens [start, end) go in, the log-probs of [scoredFrom, end) are kept. */
export interface TextWindow {
  readonly start: number;
  readonly scoredFrom: number;
  readonly end: number;
}

/**
 * The passes over a text of `length` tokens: one when it fits the window; else windows that start every
 * half window, each scoring only the tokens after the previous window's end, so every token sees at
 * least half a window before it (told through onNote).
 */
export function textWindows(length: number, window: number, onNote?: (note: string) => void): TextWindow[] {
  if (length <= window) return [{ start: 0, scoredFrom: 1, end: length }];
  const overlap = Math.floor(window * WINDOW_OVERLAP);
  const windows: TextWindow[] = [];
  for (let end = 0; end < length; ) {
    const start = end === 0 ? 0 : end - overlap;
    const next = Math.min(start + window, length);
    windows.push({ start, scoredFrom: end === 0 ? 1 : end, end: next });
    end = next;
  }
  onNote?.(
    `The text is ${length} model tokens, longer than the model's window of ${window}: it was scored in ${windows.length} overlapping windows, each token seeing at least the ${overlap} tokens before it.`,
  );
  return windows;
}
