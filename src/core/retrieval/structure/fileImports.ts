import { importStatements } from './importStatements';
import { resolveModule, submodule, type ContextFiles } from './resolveModule';

/** A name a file imports, and where its definition is. */
export interface ImportedBinding {
  /** The name in the module it comes from (`default`: the module's default export). */
  readonly name: string;
  readonly files: readonly string[];
}

/** What one file's imports bring into scope, resolved to files of the context (outside ones are left out). */
export interface FileImports {
  /** Local name -> the imported definition's name and files. */
  readonly names: ReadonlyMap<string, ImportedBinding>;
  /** Local name bound to a module (`import m as x`, `import * as x`, a Go package) -> the module's files. */
  readonly namespaces: ReadonlyMap<string, readonly string[]>;
  /** Files whose every definition is in scope (`from m import *`, `#include`, `using`, Java `a.b.*`). */
  readonly wildcardFiles: readonly string[];
  /** Every context file it imports. */
  readonly files: ReadonlySet<string>;
}

export function fileImports(path: string, text: string, language: string | undefined, context: ContextFiles): FileImports {
  const names = new Map<string, ImportedBinding>();
  const namespaces = new Map<string, readonly string[]>();
  const wildcardFiles: string[] = [];
  const files = new Set<string>();
  const note = (found: readonly string[]) => found.forEach((f) => files.add(f));

  for (const statement of importStatements(text, language)) {
    const modules = resolveModule(statement.module, path, language, context);
    note(modules);
    if (statement.wildcard) wildcardFiles.push(...modules);
    if (statement.namespace !== undefined && modules.length > 0) namespaces.set(statement.namespace, modules);
    for (const { name, local } of statement.names) {
      // `from . import x` / `use a::b`: the name may be a module of its own.
      const inner = submodule(statement.module, name, language);
      const asModule = inner === undefined ? [] : resolveModule(inner, path, language, context);
      if (asModule.length > 0) {
        note(asModule);
        namespaces.set(local, asModule);
      }
      if (modules.length > 0) names.set(local, { name, files: modules });
    }
  }
  return { names, namespaces, wildcardFiles, files };
}
