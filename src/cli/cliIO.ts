/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** What every command runs in. */
export interface CliContext {
  readonly cwd: string;
  /** The build's asset folder: worker scripts, grammars, queries (dist/, where cli.js lives). */
  readonly assetDir: string;
  /** The environment variables the command reads (LONGCODEZIP_CACHE_DIR); tests pass their own. */
  readonly env?: NodeJS.ProcessEnv;
}
