import picomatch from 'picomatch';

/** Tells which glob, if any, matches a workspace-relative POSIX path. */
export type GlobMatcher = (relativePath: string) => string | undefined;

interface Glob {
  /** As the user wrote it, for the user-facing detail. */
  readonly written: string;
  readonly pattern: string;
  /** Matched against the last path segment rather than the whole path. */
  readonly byName: boolean;
}

/**
 * Compiles globs as users write them in settings and on the command line: a glob without a slash matches
 * a file or folder name at any depth (`*.min.js`, `node_modules`), one with a slash matches the whole
 * relative path (`src/gen/*.ts`), and a leading `/` or `./` anchors a glob to the root (`/dist`). Dot
 * files match; a trailing `/` is dropped. picomatch's own `basename` option is not used: it also
 * applies to globs with slashes.
 */
export function compileGlobs(patterns: readonly string[], options: { readonly caseSensitive: boolean }): GlobMatcher {
  const globs = patterns.map(parseGlob).filter((glob) => glob.pattern.length > 0);
  if (globs.length === 0) return () => undefined;
  const pmOptions = { dot: true, nocase: !options.caseSensitive, windows: false };
  const anyOf = (selected: readonly Glob[]) =>
    selected.length > 0 ? picomatch(selected.map((glob) => glob.pattern), pmOptions) : () => false;
  const anyName = anyOf(globs.filter((glob) => glob.byName));
  const anyPath = anyOf(globs.filter((glob) => !glob.byName));
  return (relativePath) => {
    const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
    if (!anyName(name) && !anyPath(relativePath)) return undefined;
    // A hit is rare: only then find which glob it was.
    return globs.find((glob) => picomatch.isMatch(glob.byName ? name : relativePath, glob.pattern, pmOptions))?.written;
  };
}

function parseGlob(written: string): Glob {
  const trimmed = written.trim();
  const anchored = /^\.?\//.test(trimmed);
  const pattern = trimmed.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  return { written: trimmed, pattern, byName: !anchored && !pattern.includes('/') };
}
