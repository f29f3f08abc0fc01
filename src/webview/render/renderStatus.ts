import type { PanelStatus, PanelToHostMessage } from '../protocol';
import { formatCount, formatQuantity } from '../viewModel/format';
import { button, element } from './dom';

/** The installation's status: version, budgets, parser check, index, languages. */
export function renderStatus(status: PanelStatus, post: (message: PanelToHostMessage) => void): HTMLElement[] {
  const title = element('h2', `LongCodeZip ${status.version}`);
  const budgets = element('p', `Budget: ${formatCount(status.budgets.question)} tokens for questions, ${formatCount(status.budgets.completion)} for completions.`);
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
    ? `Index: ${formatQuantity(status.index.files, 'file')}, ${formatQuantity(status.index.chunks, 'chunk')}, ${formatCount(status.index.skipped)} skipped.`
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
