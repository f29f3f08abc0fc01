import type { PanelStatus, PanelToHostMessage } from '../protocol';
import { button, element } from './dom';

/** "1 file", "2,048 files". */
function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The installation's status: version, budgets, parser check, index, languages. */
export function renderStatus(status: PanelStatus, post: (message: PanelToHostMessage) => void): HTMLElement[] {
  const title = element('h2', `LongCodeZip ${status.version}`);
  const budgets = element('p', `Budget: ${status.budgets.question.toLocaleString('en-US')} tokens for questions, ${status.budgets.completion.toLocaleString('en-US')} for completions.`);
  const settings = button('Open settings', () => post({ type: 'openSettings' }), { secondary: true });

  const check = status.parserCheck;
  const parser = element('p', undefined, 'parser-check');
  parser.dataset.state = check === undefined ? 'running' : check.ok ? 'ok' : 'failed';
  parser.textContent =
    check === undefined
      ? 'Parser check: running…'
      : check.ok
        ? `Parser check passed: ${check.languageId} grammar parsed a sample (${check.namedNodes} nodes, ${Math.round(check.millis)} ms).`
        : `Parser check failed: ${check.error}`;
  const recheck = button('Check again', () => post({ type: 'recheckParser' }), { secondary: true });
  recheck.disabled = check === undefined;

  const index = element('p', undefined, 'index-summary');
  index.textContent = status.index
    ? `Index: ${count(status.index.files, 'file')}, ${count(status.index.chunks, 'chunk')}, ${status.index.skipped.toLocaleString('en-US')} skipped.`
    : 'The workspace is not indexed yet.';
  const indexButton = button(status.index ? 'Re-index workspace' : 'Index workspace', () => post({ type: 'indexWorkspace' }), { secondary: true });

  const languages = element('p', `Languages parsed into functions: ${status.languages.map((l) => l.name).join(', ')}.`, 'small muted');
  const row = (...nodes: HTMLElement[]) => {
    const div = element('div', undefined, 'buttons');
    div.append(...nodes);
    return div;
  };
  return [title, budgets, parser, index, row(settings, recheck, indexButton), languages];
}
