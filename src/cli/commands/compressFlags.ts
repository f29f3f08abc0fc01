import * as path from 'node:path';
import type { Cursor } from '../../core/compress/completionQuery';
import { UsageError } from '../usageError';

/** A number flag within bounds; absent → the default. */
export function parseNumberFlag(
  flag: string,
  value: string | undefined,
  fallback: number,
  bounds: { above?: number; atLeast?: number; atMost?: number },
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  const ok =
    value.trim() !== '' &&
    Number.isFinite(n) &&
    (bounds.above === undefined || n > bounds.above) &&
    (bounds.atLeast === undefined || n >= bounds.atLeast) &&
    (bounds.atMost === undefined || n <= bounds.atMost);
  if (!ok) {
    const range = [
      bounds.above !== undefined ? `above ${bounds.above}` : bounds.atLeast !== undefined ? `at least ${bounds.atLeast}` : '',
      bounds.atMost !== undefined ? `at most ${bounds.atMost}` : '',
    ].filter(Boolean);
    throw new UsageError(`${flag} must be a number ${range.join(' and ')}, not '${value}'`);
  }
  return n;
}

/** `FILE:LINE[:COL]`, 1-based; FILE relative to the current folder, reported relative to the root. */
export function parseCursor(spec: string, root: string, cwd: string): Cursor {
  const match = /^(.+?):(\d+)(?::(\d+))?$/.exec(spec);
  if (!match) throw new UsageError(`--cursor must be FILE:LINE[:COL], not '${spec}'`);
  const line = Number(match[2]);
  const column = match[3] === undefined ? undefined : Number(match[3]);
  if (line < 1 || (column !== undefined && column < 1)) throw new UsageError(`--cursor line and column are 1-based, not '${spec}'`);
  const relative = path.relative(root, path.resolve(cwd, match[1]!)).split(path.sep).join('/');
  return { path: relative, line, ...(column === undefined ? {} : { column }) };
}
