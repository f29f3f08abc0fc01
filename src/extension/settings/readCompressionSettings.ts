import * as vscode from 'vscode';
import { checkCompressionSettings, type CompressionSettings } from './compressionSettings';

/** A setting whose value cannot be used; `setting` is where "Open Settings" takes the user. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    message: string,
    readonly setting: string,
  ) {
    super(message);
  }
}

/** The compression settings of a workspace folder, checked; a bad value throws SettingsError naming it. */
export function readCompressionSettings(scope?: vscode.ConfigurationScope): CompressionSettings {
  const configuration = vscode.workspace.getConfiguration('longcodezip', scope);
  const checked = checkCompressionSettings((key) => configuration.get(key));
  if ('settings' in checked) return checked.settings;
  const [first, ...more] = checked.problems;
  throw new SettingsError(`${first!.message}${more.length > 0 ? ` (and ${more.length} more: ${more.map((problem) => problem.key).join(', ')})` : ''}`, first!.key);
}

/** Whether decorations and CodeLens are on (`longcodezip.decorations.enabled`, `longcodezip.codeLens.enabled`). */
export function viewSettings(): { readonly decorations: boolean; readonly codeLens: boolean } {
  const configuration = vscode.workspace.getConfiguration('longcodezip');
  return { decorations: configuration.get('decorations.enabled') !== false, codeLens: configuration.get('codeLens.enabled') !== false };
}
