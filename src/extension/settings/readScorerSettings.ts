import * as vscode from 'vscode';
import type { ScorerSettings } from './scorerChoice';

/** The scorer and model settings of a workspace folder (defaults as in package.json). */
export function readScorerSettings(scope?: vscode.ConfigurationScope): ScorerSettings {
  const settings = vscode.workspace.getConfiguration('longcodezip', scope);
  return {
    scorer: settings.get<string>('scorer', 'auto'),
    modelPath: settings.get<string>('model.path', ''),
    dtype: settings.get<string>('model.dtype', 'q8'),
    device: settings.get<string>('device', 'auto'),
    memoryLimitMB: settings.get<number>('scorer.memoryLimitMB', 4096),
  };
}

/** True when a settings change may change which scorer runs, or how. */
export function affectsScorer(event: vscode.ConfigurationChangeEvent): boolean {
  return ['longcodezip.scorer', 'longcodezip.model', 'longcodezip.device'].some((section) => event.affectsConfiguration(section));
}
