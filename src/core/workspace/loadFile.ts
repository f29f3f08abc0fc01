import * as fs from 'node:fs';
import { decodeText } from './decodeText';
import { describeSize } from './describeSize';
import { minifiedReason } from './minifiedText';
import type { SkippedFile, WorkspaceFile } from './workspaceFile';

// Non-blocking, so that a file replaced by a named pipe after it was listed cannot hang the open.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads one file that the rules let in and checks its content: size (before reading), binary, text,
 * minified. Never throws: a file that cannot be read comes back skipped, with why.
 */
export async function loadFile(absolutePath: string, relativePath: string, maxFileBytes: number): Promise<WorkspaceFile | SkippedFile> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(absolutePath, OPEN_FLAGS);
  } catch (error) {
    return skippedForError(relativePath, error);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return notRegular(relativePath, stat);
    if (stat.size > maxFileBytes) return tooLarge(relativePath, stat.size, maxFileBytes);
    const bytes = await readAll(handle, stat.size);
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { path: relativePath, reason: decoded.reason, detail: decoded.detail };
    const minified = minifiedReason(decoded.text);
    if (minified) return { path: relativePath, reason: 'minified', detail: minified };
    return { path: relativePath, absolutePath, text: decoded.text, encoding: decoded.encoding, bytes: bytes.length };
  } catch (error) {
    return skippedForError(relativePath, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The file's bytes, as many as fstat said it has: one read for most files, where FileHandle.readFile
 * would stat again and read once more to find the end. A file that grows meanwhile is read as it was.
 */
async function readAll(handle: fs.promises.FileHandle, size: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const { bytesRead } = await handle.read(buffer, length, size - length, length);
    if (bytesRead === 0) break; // it shrank
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

/** What fs.Stats and fs.Dirent both tell about an entry. */
export type FileKind = Pick<fs.Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

/** A file that is not a regular file: a named pipe, a socket, a device. */
export function notRegular(relativePath: string, stat: FileKind): SkippedFile {
  const kind = stat.isFIFO()
    ? 'A named pipe'
    : stat.isSocket()
      ? 'A socket'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'A device'
        : 'Something';
  return { path: relativePath, reason: 'unreadable', detail: `${kind}, not a regular file.` };
}

/** What a file system error means for the user. */
export function skippedForError(relativePath: string, error: unknown): SkippedFile {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ELOOP':
      return { path: relativePath, reason: 'symlink-loop', detail: 'A chain of symbolic links that never reaches a file.' };
    case 'EACCES':
    case 'EPERM':
      return { path: relativePath, reason: 'unreadable', detail: `Permission denied (${code}).` };
    case 'ENOENT':
      return { path: relativePath, reason: 'unreadable', detail: 'It does not exist, or is a symbolic link whose target does not.' };
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return { path: relativePath, reason: 'unreadable', detail: `Could not be read: ${message}` };
    }
  }
}

function tooLarge(relativePath: string, bytes: number, maxFileBytes: number): SkippedFile {
  return { path: relativePath, reason: 'too-large', detail: `${describeSize(bytes)}, over the ${describeSize(maxFileBytes)} limit.` };
}
