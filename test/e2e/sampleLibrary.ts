// The folder most real-host tests open: a fresh copy of examples/sample-project, with its folder settings.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repoPaths';
import type { CodeServerSession } from './codeServer';

/** A question the sample library answers (compute_late_fee in shelfwise/fees.py). */
export const QUESTION = 'How is the late-return fee calculated when a member returns a book after the due date?';
/** The question budget of the sample folder: well below the library's ~6k tokens, so compression shows. */
export const SAMPLE_BUDGET = 1500;
const SAMPLE_FILES = ['shelfwise/__init__.py', 'shelfwise/fees.py', 'shelfwise/circulation.py', 'shelfwise/models.py', 'shelfwise/holds.py', 'shelfwise/utils/__init__.py', 'shelfwise/utils/dates.py'];

/** A fresh scratch folder (`prefix` names it) holding the sample library as `library`, with `settings` as its folder settings. */
export function sampleLibrary(prefix: string, settings: Record<string, unknown> = {}): { scratch: string; workspace: string } {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const workspace = path.join(scratch, 'library');
  for (const file of SAMPLE_FILES) {
    fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, 'examples', 'sample-project', file), path.join(workspace, file));
  }
  writeFolderSettings(workspace, settings);
  return { scratch, workspace };
}

/**
 * The folder's .vscode/settings.json (VS Code follows it as it changes): the sample budget, .vscode itself
 * not compressed, then `settings`.
 */
export function writeFolderSettings(workspace: string, settings: Record<string, unknown>): void {
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  const all = { 'longcodezip.budget.question': SAMPLE_BUDGET, 'longcodezip.exclude': ['**/.vscode/**'], ...settings };
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(all, null, 2));
}

/** After a suite: a last screenshot (`shot`) if the page still answers, code-server stopped, the scratch folder removed. */
export async function endSession(session: CodeServerSession | undefined, scratch: string | undefined, shot: string): Promise<void> {
  await session?.screenshot(shot).catch(() => undefined);
  await session?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}
