import type { Chunk, FileChunks } from '../chunking/chunk';
import { CompressionInputError } from './compressionInputError';

/** A pin as the user writes it: a workspace-relative file, optionally one definition in it. */
export interface PinSpec {
  readonly path: string;
  /** `name`, or qualified `Class.method`; overloads and a function's parts are all pinned. */
  readonly name?: string;
}

/** `PATH[:NAME]`; a Windows drive letter is not a name. */
export function parsePinSpec(spec: string): PinSpec {
  const colon = spec.lastIndexOf(':');
  const name = colon > 1 ? spec.slice(colon + 1) : '';
  if (colon > 1 && name !== '' && !/[\\/]/.test(name)) return { path: spec.slice(0, colon), name };
  return { path: spec };
}

/** The chunk ids a pin keeps whole: the whole file, or every chunk of the named definition. */
export function resolvePins(pins: readonly PinSpec[], files: ReadonlyMap<string, FileChunks>): string[] {
  const ids = new Set<string>();
  for (const pin of pins) {
    const file = files.get(pin.path);
    if (!file) throw new CompressionInputError(`--pin ${pin.path}: no such file in the context.`);
    const chosen = pin.name === undefined ? file.chunks : chunksNamed(file, pin.name);
    if (chosen.length === 0) throw new CompressionInputError(`--pin ${pin.path}:${pin.name}: no definition of that name in the file.`);
    for (const chunk of chosen) ids.add(chunk.id);
  }
  return [...ids];
}

function chunksNamed(file: FileChunks, name: string): Chunk[] {
  // A function part's parent is its function's qualified name.
  const qualified = (chunk: Chunk) => (chunk.kind === 'function-part' ? chunk.parent : [chunk.parent, chunk.name].filter(Boolean).join('.'));
  const matches = (chunk: Chunk) => chunk.name !== undefined && (chunk.name === name || qualified(chunk) === name);
  const named = file.chunks.filter(matches);
  // A pinned container is pinned with everything inside it.
  const containers = new Set(file.scopes.filter((scope) => scope.kind === 'container' && named.some((c) => c.id === scope.openingChunk)).map((s) => s.id));
  const insideContainer = (chunk: Chunk): boolean => {
    for (let scope = chunk.scope; scope !== undefined; scope = file.scopes.find((s) => s.id === scope)?.scope) {
      if (containers.has(scope)) return true;
    }
    return false;
  };
  return file.chunks.filter((chunk) => matches(chunk) || insideContainer(chunk));
}
