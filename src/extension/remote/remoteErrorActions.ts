// What a remote scorer failure offers the user. Pure (no `vscode`): the runner turns these into buttons.
import type { RemoteFix } from '../../core/scoring/remote/remoteScorerError';

export type RemoteErrorAction =
  | { readonly label: string; readonly kind: 'openSettings'; readonly setting: string }
  | { readonly label: string; readonly kind: 'command'; readonly command: string }
  | { readonly label: string; readonly kind: 'showLog' };

export const SET_REMOTE_KEY_COMMAND = 'longcodezip.setRemoteApiKey';
export const CLEAR_REMOTE_KEY_COMMAND = 'longcodezip.clearRemoteApiKey';

const openSettings = (setting: string): RemoteErrorAction => ({ label: 'Open Settings', kind: 'openSettings', setting });
const chooseScorer: RemoteErrorAction = { label: 'Choose Scorer…', kind: 'command', command: 'longcodezip.chooseScorer' };
const showLog: RemoteErrorAction = { label: 'Show Log', kind: 'showLog' };

/** The buttons for a failure, by the part of the configuration that fixes it (RemoteScorerError.fix). */
export function remoteErrorActions(fix: RemoteFix | undefined): RemoteErrorAction[] {
  switch (fix) {
    case 'apiKey':
      return [{ label: 'Set API Key…', kind: 'command', command: SET_REMOTE_KEY_COMMAND }, openSettings('longcodezip.remote')];
    case 'endpoint':
      return [openSettings('longcodezip.remote.endpoint'), showLog];
    case 'model':
      return [openSettings('longcodezip.remote.model'), showLog];
    case 'tokenizerFolder':
      return [openSettings('longcodezip.remote.tokenizerPath')];
    case 'hostConsent':
      return [chooseScorer];
    case undefined:
      return [showLog, openSettings('longcodezip.remote')];
  }
}

/** A remote setting that stops a compression before it starts: fix it, or pick another scorer. */
export function remoteSettingActions(setting: string): RemoteErrorAction[] {
  return [openSettings(setting), chooseScorer];
}
