// The language-model tool's input, checked, and its answer text. No `vscode` here.

/** Which code the tool compresses. */
export type ToolScope = 'workspace' | 'currentFile' | 'openEditors';

/** The tool's input as declared in package.json (languageModelTools, inputSchema). */
export interface ContextToolInput {
  readonly question: string;
  readonly scope?: ToolScope;
  /** Workspace-relative or absolute paths of files or folders; overrides `scope`. */
  readonly paths?: readonly string[];
}

export type CheckedToolInput =
  | { readonly kind: 'ok'; readonly question: string; readonly scope: ToolScope; readonly paths: readonly string[] }
  | { readonly kind: 'problem'; readonly message: string };

const SCOPES: readonly ToolScope[] = ['workspace', 'currentFile', 'openEditors'];

/** The input a model sent, checked: a model may send anything, so each mistake gets a sentence it can act on. */
export function checkToolInput(input: unknown): CheckedToolInput {
  const value = (input ?? {}) as Partial<Record<keyof ContextToolInput, unknown>>;
  if (typeof value.question !== 'string' || value.question.trim() === '') {
    return { kind: 'problem', message: 'The input needs "question": the question the compressed code should answer, as a non-empty string.' };
  }
  const scope = value.scope ?? 'workspace';
  if (typeof scope !== 'string' || !(SCOPES as readonly string[]).includes(scope)) {
    return { kind: 'problem', message: `"scope" must be one of ${SCOPES.map((s) => `"${s}"`).join(', ')}, not ${JSON.stringify(scope)}.` };
  }
  const paths = value.paths ?? [];
  if (!Array.isArray(paths) || !paths.every((path) => typeof path === 'string' && path.trim() !== '')) {
    return { kind: 'problem', message: '"paths" must be a list of file or folder paths (strings).' };
  }
  return { kind: 'ok', question: value.question.trim(), scope: scope as ToolScope, paths: paths.map((path: string) => path.trim()) };
}

/** The words the confirmation shows for a scope. */
export function describeToolScope(input: CheckedToolInput & { kind: 'ok' }): string {
  if (input.paths.length > 0) return input.paths.length === 1 ? `\`${input.paths[0]}\`` : `${input.paths.length} files and folders (${input.paths.map((path) => `\`${path}\``).join(', ')})`;
  return input.scope === 'workspace' ? 'the workspace' : input.scope === 'currentFile' ? 'the file in the active editor' : 'the files open in editors';
}

/** What the model receives: one line on what was compressed and how much, then the context itself. */
export function toolResultText(summary: string, context: string): string {
  return `Code from the user's workspace, compressed by LongCodeZip for the question (${summary}). Lines marked as omitted were left out.\n\n${context}`;
}
