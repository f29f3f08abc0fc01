import type { FileChunks } from '../../core/chunking/chunk';

/** VS Code's language id where it differs from ours (grammars/languages.json). */
const VSCODE_LANGUAGE: Readonly<Record<string, string>> = { tsx: 'typescriptreact' };

/** How a compression is rendered for the preview, and the language the preview is shown in. */
export interface PreviewFormat {
  readonly format: 'text' | 'markdown';
  readonly languageId: string;
}

/**
 * Files all in one language: plain text (file headers are comments of that language), shown in that
 * language. Mixed or unparsed files: markdown, one fenced block per file.
 */
export function previewFormat(files: readonly FileChunks[]): PreviewFormat {
  const languages = new Set(files.map((file) => file.language));
  const [only] = languages;
  if (languages.size === 1 && only !== undefined) return { format: 'text', languageId: VSCODE_LANGUAGE[only] ?? only };
  return { format: 'markdown', languageId: 'markdown' };
}
