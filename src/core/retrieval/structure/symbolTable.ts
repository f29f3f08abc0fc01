import type { Chunk, FileChunks } from '../../chunking/chunk';
import { classBases } from './classBases';

/** A chunk that defines a name: a function, method, declaration or class (its header), with its owner. */
export interface Definition {
  readonly chunk: Chunk;
  readonly name: string;
  /** The qualified owner (`Outer.Inner`, a Go receiver type), as Chunk.parent; a function part's is its function's. */
  readonly parent: string | undefined;
  /** Classes, structs, interfaces and the like: what members name as their parent. */
  readonly isType: boolean;
}

const DEFINING_KINDS = new Set<Chunk['kind']>(['function', 'method', 'function-part', 'declaration', 'container-header']);

/** Every definition of the context by name, by owner and by file (built once per compression). */
export class SymbolTable {
  private readonly byName = new Map<string, Definition[]>();
  private readonly byParent = new Map<string, Definition[]>();
  private readonly byFile = new Map<string, Definition[]>();
  private readonly byChunk = new Map<string, Definition>();

  constructor(files: readonly FileChunks[]) {
    for (const file of files) {
      const scopes = new Map(file.scopes.map((scope) => [scope.id, scope]));
      const mine: Definition[] = [];
      for (const chunk of file.chunks) {
        if (!DEFINING_KINDS.has(chunk.kind) || chunk.name === undefined) continue;
        let parent = chunk.parent;
        if (chunk.kind === 'function-part') {
          // Only the part holding the signature defines the name; its owner is the function's owner.
          const scope = chunk.scope === undefined ? undefined : scopes.get(chunk.scope);
          if (!scope || scope.openingChunk !== chunk.id) continue;
          parent = scope.parent;
        }
        const isType = chunk.kind === 'container-header' || (chunk.kind === 'declaration' && /\b(class|struct|interface|enum|trait|record|type)\b/.test(chunk.text));
        const definition: Definition = { chunk, name: chunk.name, parent, isType };
        push(this.byName, chunk.name, definition);
        if (parent !== undefined) push(this.byParent, parent, definition);
        mine.push(definition);
        this.byChunk.set(chunk.id, definition);
      }
      this.byFile.set(file.path, mine);
    }
  }

  /** Definitions of a name, anywhere. */
  named(name: string): readonly Definition[] {
    return this.byName.get(name) ?? [];
  }

  /** Members of a type, given its qualified name (Chunk.parent of its members). */
  membersOf(qualified: string): readonly Definition[] {
    return this.byParent.get(qualified) ?? [];
  }

  inFile(path: string): readonly Definition[] {
    return this.byFile.get(path) ?? [];
  }

  of(chunkId: string): Definition | undefined {
    return this.byChunk.get(chunkId);
  }

  /** Types of that name: class headers, struct and interface declarations. */
  typesNamed(name: string): readonly Definition[] {
    return this.named(name).filter((d) => d.isType);
  }

  /** The qualified name members of this type use as their parent. */
  static qualified(type: Definition): string {
    return type.parent === undefined ? type.name : `${type.parent}.${type.name}`;
  }

  /** The bases a type's header names, as types of the context (nearest file first is the caller's business). */
  basesOf(type: Definition): Definition[] {
    return classBases(type.chunk.text, type.chunk.language).flatMap((base) => this.typesNamed(base).filter((d) => d !== type));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
