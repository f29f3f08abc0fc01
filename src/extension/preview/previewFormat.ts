import type { FileChunks } from '../../core/chunking/chunk';
import type { OutputFormat } from '../settings/compressionSettings';

/** VS Code's language id where it differs from ours (grammars/languages.json). */
const VSCODE_LANGUAGE: Readonly<Record<string, string>> = { tsx: 'typescriptreact' };

/** How a compression is rendered, and the language the preview shows it in. */
export interface PreviewFormat {
  readonly format: OutputFormat;
  readonly languageId: string;
}

/**
 * Markdown (the default): one fenced block per file, shown as markdown. Plain text: file headers are
 * comments of each file's language; shown in that language when all files share one, else as plain text.
 */
export function previewFormat(files: readonly Pick<FileChunks, 'language'>[], format: OutputFormat): PreviewFormat {
  if (format === 'markdown') return { format, languageId: 'markdown' };
  const languages = new Set(files.map((file) => file.language));
  const [only] = languages;
  if (languages.size === 1 && only !== undefined) return { format, languageId: VSCODE_LANGUAGE[only] ?? only };
  return { format, languageId: 'plaintext' };
}
