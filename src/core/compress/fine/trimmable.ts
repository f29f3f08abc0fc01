import { FUNCTION_KINDS, type Chunk } from '../../chunking/chunk';

/** Whether stage 2 may trim a chunk: a function (or part of one) with at least `minLines` lines of code. */
export function isTrimmable(chunk: Pick<Chunk, 'kind' | 'text'>, minLines: number): boolean {
  if (!FUNCTION_KINDS.has(chunk.kind)) return false;
  let lines = 0;
  for (const line of chunk.text.split('\n')) if (line.trim() !== '' && ++lines >= minLines) return true;
  return false;
}
