import * as os from 'node:os';
import * as path from 'node:path';

export interface CacheDirSources {
  /** The value of `--cache-dir`, if given. */
  readonly flag?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly home?: string;
}

/** The CLI's folder for models and caches: `--cache-dir`, else $LONGCODEZIP_CACHE_DIR, else ~/.cache/longcodezip. */
export function resolveCacheDir(sources: CacheDirSources = {}): string {
  const chosen = sources.flag || (sources.env ?? process.env).LONGCODEZIP_CACHE_DIR;
  if (chosen) return path.resolve(sources.cwd ?? process.cwd(), chosen);
  return path.join(sources.home ?? os.homedir(), '.cache', 'longcodezip');
}
