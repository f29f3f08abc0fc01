import * as vscode from 'vscode';
import { parseEndpoint } from '../../core/scoring/remote/remoteEndpoint';
import { writeSetting } from '../models/modelPickers';
import { type ScorerSettings, tokenizerFolderProblem } from '../settings/scorerChoice';

/**
 * The remote scorer's server, model and tokenizer folder, asked in turn with the current values
 * offered, and written to the settings; false when the user backed out or the folder does not fit.
 * Nothing is sent here: the first compression asks for consent (a server outside this machine) and reports a bad key.
 */
export async function pickRemoteServer(current: ScorerSettings): Promise<boolean> {
  const endpoint = await vscode.window.showInputBox({
    title: 'LongCodeZip: Remote Scorer (1/3): Server',
    prompt: "The inference server's OpenAI base URL (vLLM: http://HOST:8000/v1)",
    value: current.remote.endpoint || 'http://127.0.0.1:8000/v1',
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (text.trim() === '') return 'Type the server\'s URL, or press Escape.';
      try {
        parseEndpoint(text);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
  if (endpoint === undefined) return false;
  const model = await vscode.window.showInputBox({
    title: 'LongCodeZip: Remote Scorer (2/3): Model',
    prompt: "The model's name on the server (vLLM: --served-model-name; GET /v1/models lists it)",
    value: current.remote.model,
    placeHolder: 'e.g. qwen2.5-coder-7b',
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? "Type the model's name, or press Escape." : undefined),
  });
  if (model === undefined) return false;
  const start = current.remote.tokenizerPath.trim() || current.modelPath.trim();
  const folders = await vscode.window.showOpenDialog({
    title: "LongCodeZip: Remote Scorer (3/3): the served model's tokenizer folder (tokenizer.json, tokenizer_config.json)",
    openLabel: 'Use as Tokenizer Folder',
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    ...(start !== '' && { defaultUri: vscode.Uri.file(start) }),
  });
  const folder = folders?.[0]?.fsPath;
  if (folder === undefined) return false;
  const problem = tokenizerFolderProblem(folder);
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(`LongCodeZip: ${problem}`);
    return false;
  }
  await writeSetting('remote.endpoint', endpoint.trim());
  await writeSetting('remote.model', model.trim());
  await writeSetting('remote.tokenizerPath', folder);
  return true;
}
