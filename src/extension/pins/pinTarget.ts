// What "the function at the cursor" is, and how it is written as a pin. Pure: chunks in, names out.
import type { Chunk } from '../../core/chunking/chunk';
import type { PinSpec } from '../../core/compress/resolvePins';

/** Kinds a user means by "the function at the cursor" (and the declarations and classes around it). */
const PINNABLE = new Set<Chunk['kind']>(['function', 'method', 'function-part', 'declaration', 'container-header']);

/**
 * The pin for the definition that holds `line` (1-based): a function or method (all the parts of a
 * split one), else a declaration or a class opened on that line. Undefined between definitions.
 */
export function pinAtLine(chunks: readonly Chunk[], line: number): PinSpec | undefined {
  const chunk = chunks.find((candidate) => candidate.startLine <= line && line <= candidate.endLine && PINNABLE.has(candidate.kind));
  if (!chunk) return undefined;
  const name = qualifiedName(chunk);
  return name === undefined ? undefined : { path: chunk.path, name };
}

/** The name resolvePins finds a chunk by: `Class.method`, a function part's function, a bare name. */
export function qualifiedName(chunk: Pick<Chunk, 'kind' | 'name' | 'parent'>): string | undefined {
  if (chunk.kind === 'function-part') return chunk.parent;
  if (chunk.name === undefined) return undefined;
  return chunk.parent ? `${chunk.parent}.${chunk.name}` : chunk.name;
}

export function samePin(a: PinSpec, b: PinSpec): boolean {
  return a.path === b.path && a.name === b.name;
}

/** How a pin reads in lists and messages: `src/app.ts: Cart.total`, or the file alone. */
export function pinLabel(pin: PinSpec): string {
  return pin.name === undefined ? pin.path : `${pin.path}: ${pin.name}`;
}

/** Whether a chunk of the last compression belongs to one of `pins` (a whole pinned file included). */
export function isPinnedChunk(pins: readonly PinSpec[], chunk: Pick<Chunk, 'path' | 'kind' | 'name' | 'parent'>): boolean {
  const name = qualifiedName(chunk);
  return pins.some((pin) => pin.path === chunk.path && (pin.name === undefined || pin.name === name || pin.name === chunk.name));
}
