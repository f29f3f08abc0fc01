import * as vscode from 'vscode';
import type { ScorerSettings } from './scorerChoice';

/** The scorer and model settings of a workspace folder (defaults as in package.json). */
export function readScorerSettings(scope?: vscode.ConfigurationScope): ScorerSettings {
  const settings = vscode.workspace.getConfiguration('longcodezip', scope);
  return {
    scorer: settings.get<string>('scorer', 'auto'),
    modelPath: settings.get<string>('model.path', ''),
    dtype: settings.get<string>('model.dtype', 'auto'),
    device: settings.get<string>('device', 'auto'),
    memoryLimitMB: settings.get<number>('scorer.memoryLimitMB', 4096),
    remote: {
      endpoint: text(settings.get('remote.endpoint')),
      model: text(settings.get('remote.model')),
      tokenizerPath: text(settings.get('remote.tokenizerPath')),
    },
  };
}

/** True when a settings change may change which scorer runs, or how. */
export function affectsScorer(event: vscode.ConfigurationChangeEvent): boolean {
  return ['longcodezip.scorer', 'longcodezip.model', 'longcodezip.device', 'longcodezip.remote'].some((section) => event.affectsConfiguration(section));
}

/** A string setting as text; a hand-edited value of another type reads as unset. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
