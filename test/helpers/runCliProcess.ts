import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { distDir } from './repoPaths';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `longcodezip` (dist/cli.js) as a user would, in a separate process. */
export function runCliProcess(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), ...args], {
    cwd: options.cwd,
    env: options.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
