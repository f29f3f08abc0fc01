// The sidebar panel's script, run in the webview (a browser). It draws what the host sends and
// keeps the last status in webview state so a reload shows it at once.
import type { HostToPanelMessage, PanelStatus, PanelToHostMessage } from './protocol';

interface VsCodeApi {
  postMessage(message: PanelToHostMessage): void;
  getState(): { status?: PanelStatus } | undefined;
  setState(state: { status?: PanelStatus }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** "1 file", "2,048 files". */
function count(n: number, noun: string): string {
  return `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;
}

function render(status: PanelStatus): void {
  const title = element('h2', `LongCodeZip ${status.version}`);
  const budgets = element('p', `Budget: ${status.budgets.question.toLocaleString()} tokens for questions, ${status.budgets.completion.toLocaleString()} for completions.`);
  const settings = element('button', 'Open settings', 'secondary');
  settings.addEventListener('click', () => vscode.postMessage({ type: 'openSettings' }));

  const check = status.parserCheck;
  const parser = element('p', undefined, 'parser-check');
  parser.dataset.state = check === undefined ? 'running' : check.ok ? 'ok' : 'failed';
  parser.textContent =
    check === undefined
      ? 'Parser check: running…'
      : check.ok
        ? `Parser check passed: ${check.languageId} grammar parsed a sample (${check.namedNodes} nodes, ${Math.round(check.millis)} ms).`
        : `Parser check failed: ${check.error}`;
  const recheck = element('button', 'Check again', 'secondary');
  recheck.disabled = check === undefined;
  recheck.addEventListener('click', () => vscode.postMessage({ type: 'recheckParser' }));

  const index = element('p', undefined, 'index-summary');
  index.textContent = status.index
    ? `Index: ${count(status.index.files, 'file')}, ${count(status.index.chunks, 'chunk')}, ${status.index.skipped.toLocaleString()} skipped.`
    : 'The workspace is not indexed yet.';
  const indexButton = element('button', status.index ? 'Re-index workspace' : 'Index workspace');
  indexButton.addEventListener('click', () => vscode.postMessage({ type: 'indexWorkspace' }));

  const languages = element('p', `Languages parsed into functions: ${status.languages.map((l) => l.name).join(', ')}.`);
  app.replaceChildren(title, budgets, settings, parser, recheck, index, indexButton, languages);
}

window.addEventListener('message', (event: MessageEvent<HostToPanelMessage>) => {
  const message = event.data;
  if (message.type === 'status') {
    vscode.setState({ status: message.status });
    render(message.status);
  }
});

const saved = vscode.getState()?.status;
if (saved) render(saved);
vscode.postMessage({ type: 'ready' });
