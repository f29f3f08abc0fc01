/** How a file's bytes were turned into text. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A source file that passed every rule, with its text ready for chunking. */
export interface WorkspaceFile {
  /** Relative to the workspace root, POSIX separators. */
  readonly path: string;
  readonly absolutePath: string;
  /** Decoded, without a byte order mark. */
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** Size on disk. */
  readonly bytes: number;
}

/** Why a file the user might expect was left out. Ignored and excluded files are not reported. */
export type SkipReason =
  /** Its name says it may hold credentials (SECRET_FILE_PATTERNS). */
  | 'secret'
  /** NUL bytes near the start. */
  | 'binary'
  /** Over the size limit. */
  | 'too-large'
  /** Lines so long that it is machine-made, not written for reading. */
  | 'minified'
  /** A symbolic link leading back to a folder it is inside, or a chain of links that never ends. */
  | 'symlink-loop'
  /** Permission denied, a broken link, a pipe or device, or another error from the file system. */
  | 'unreadable'
  /** Decodes, but a large share of what comes out is control characters. */
  | 'not-text';

export interface SkippedFile {
  /** Relative to the workspace root, POSIX separators. */
  readonly path: string;
  readonly reason: SkipReason;
  /** One sentence for the user, e.g. "2.4 MB, over the 1 MB limit". */
  readonly detail: string;
}

/** What a collection found; both lists are sorted by path. */
export interface Collection {
  readonly files: WorkspaceFile[];
  readonly skipped: SkippedFile[];
}

export function isSkipped(result: WorkspaceFile | SkippedFile): result is SkippedFile {
  return 'reason' in result;
}
