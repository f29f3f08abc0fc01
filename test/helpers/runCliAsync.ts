import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { distDir } from './repoPaths';
import type { CliRun } from './runCliProcess';

export interface RunningCli {
  readonly child: ChildProcess;
  /** What the command has written to stderr so far. */
  readonly stderr: () => string;
  readonly finished: Promise<CliRun>;
}

/**
 * Starts the built `longcodezip` without blocking this process (runCliProcess does), for tests whose
 * own servers must answer it, or that interrupt it.
 */
export function startCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunningCli {
  const child = spawn(process.execPath, [path.join(distDir, 'cli.js'), ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const finished = new Promise<CliRun>((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    }),
  );
  return { child, stderr: () => stderr, finished };
}

export function runCliAsync(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return startCli(args, options).finished;
}
