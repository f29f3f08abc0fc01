// The sidebar panel's script, run in the webview (a browser). It keeps what the user typed and chose in
// webview state (so a reload shows it at once) and draws what the host sends: the latest compression,
// the run's progress, the installation's status.
import type { HostToPanelMessage, PanelContext, PanelResult, PanelScope, PanelStatus, PanelToHostMessage, RunState } from './protocol';
import { button, element } from './render/dom';
import { renderHeader } from './render/renderHeader';
import { renderStatus } from './render/renderStatus';
import { renderTree } from './render/renderTree';
import { ALL_STATUSES, arrangeTree, SORT_LABELS, type SortKey, statusCounts } from './viewModel/arrangeTree';
import { budgetFigures, budgetRange } from './viewModel/budgetSlider';
import { chunkTree, type FileRow, STATUS_LABELS } from './viewModel/chunkTree';
import type { ChunkStatus } from '../core/compress/compressionResult';

/** What the panel remembers across reloads (the host sends the result and status again). */
interface SavedState {
  readonly query: string;
  readonly scope: PanelScope;
  readonly budget: number | undefined;
  readonly sort: SortKey;
  readonly statuses: readonly ChunkStatus[];
  readonly filterText: string;
  /** Files the user closed, and files the user opened that start closed (all dropped). */
  readonly toggled: readonly string[];
  /** The result whose figures the form was last set from. */
  readonly seenResult: number | undefined;
}

interface VsCodeApi {
  postMessage(message: PanelToHostMessage): void;
  getState(): Partial<SavedState> | undefined;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: PanelToHostMessage) => vscode.postMessage(message);
const saved = vscode.getState() ?? {};
let state: SavedState = {
  query: saved.query ?? '',
  scope: saved.scope ?? 'workspace',
  budget: saved.budget,
  sort: saved.sort ?? 'position',
  statuses: saved.statuses ?? ALL_STATUSES,
  filterText: saved.filterText ?? '',
  toggled: saved.toggled ?? [],
  seenResult: saved.seenResult,
};
let context: PanelContext | undefined;
let result: PanelResult | undefined;
let tree: FileRow[] = [];
let run: RunState = { state: 'idle' };
let status: PanelStatus | undefined;
let notice = '';

function save(change: Partial<SavedState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
}

// ---- the form: question, scope, budget, run and cancel (built once, so typing is never interrupted)
const app = document.getElementById('app') as HTMLElement;
const trustBanner = element('div', undefined, 'trust-banner');
trustBanner.setAttribute('role', 'note');
trustBanner.hidden = true;
trustBanner.append(
  element('span', 'This folder is not trusted, so only the n-gram scorer runs here: the model and device settings are ignored. '),
  button('Manage trust', () => post({ type: 'manageTrust' }), { secondary: true }),
);

const form = element('form', undefined, 'ask');
form.setAttribute('aria-label', 'Compress for a question');
const queryLabel = element('label', 'Question');
queryLabel.htmlFor = 'query';
const query = element('textarea');
query.id = 'query';
query.rows = 3;
query.placeholder = 'e.g. How is the late fee calculated?';
query.value = state.query;
query.addEventListener('input', () => save({ query: query.value }));
query.addEventListener('keydown', (event) => {
  // Enter runs, Shift+Enter is a new line (as in a chat box).
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});

const scopeLabel = element('label', 'Scope');
scopeLabel.htmlFor = 'scope';
const scope = element('select');
scope.id = 'scope';
scope.addEventListener('change', () => save({ scope: scope.value as PanelScope }));

const budgetLabel = element('label', 'Budget');
budgetLabel.htmlFor = 'budget';
const budgetFigure = element('output', undefined, 'budget-figure');
budgetFigure.id = 'budget-figure';
budgetFigure.htmlFor.add('budget');
const budget = element('input');
budget.type = 'range';
budget.id = 'budget';
const budgetEffect = element('p', undefined, 'muted small budget-effect');
budgetEffect.id = 'budget-effect';
budget.setAttribute('aria-describedby', 'budget-effect');
let rebudgetTimer: ReturnType<typeof setTimeout> | undefined;
budget.addEventListener('input', () => {
  save({ budget: Number(budget.value) });
  drawBudgetFigures();
});
// Released (or a key press settled): compress again at this budget. The scores come from the cache.
budget.addEventListener('change', () => {
  clearTimeout(rebudgetTimer);
  if (!result || result.mode !== 'question' || query.value.trim() === '') return;
  rebudgetTimer = setTimeout(() => compress({ rebudget: true }), 250);
});

const runButton = element('button', 'Compress');
runButton.type = 'submit';
runButton.id = 'run';
const cancelButton = button('Cancel', () => post({ type: 'cancel' }), { secondary: true, id: 'cancel' });
const progress = element('div', undefined, 'progress');
progress.setAttribute('role', 'status');
progress.id = 'progress';
form.addEventListener('submit', (event) => {
  event.preventDefault();
  compress();
});

function field(label: HTMLElement, ...controls: HTMLElement[]): HTMLElement {
  const div = element('div', undefined, 'field');
  div.append(label, ...controls);
  return div;
}
const budgetHead = element('div', undefined, 'budget-head');
budgetHead.append(budgetLabel, budgetFigure);
const buttons = element('div', undefined, 'buttons');
buttons.append(runButton, cancelButton);
form.append(field(queryLabel, query), field(scopeLabel, scope), field(budgetHead, budget, budgetEffect), buttons, progress);

const resultArea = element('div', undefined, 'result');
resultArea.id = 'result';
const statusArea = element('details', undefined, 'status');
statusArea.id = 'status';
app.replaceChildren(trustBanner, form, resultArea, statusArea);

function compress(how: { rebudget?: boolean } = {}): void {
  const text = query.value.trim();
  if (text === '') {
    query.focus();
    showRun({ state: 'failed', message: 'Type a question first.' });
    return;
  }
  post({ type: 'compress', query: text, scope: scope.value as PanelScope, budget: Number(budget.value), ...(how.rebudget && { rebudget: true }) });
}

// ---- drawing
function drawScopes(): void {
  const options: [PanelScope, string, boolean][] = [
    ['workspace', 'Workspace', true],
    ['currentFile', context?.currentFile ? `Current file (${context.currentFile})` : 'Current file (none open)', context?.currentFile !== undefined],
    ['openEditors', `Open editors (${context?.openEditors ?? 0})`, (context?.openEditors ?? 0) > 0],
    ['selection', context?.selection ? `Explorer selection (${context.selection.length})` : 'Explorer selection (none yet)', context?.selection !== undefined],
  ];
  scope.replaceChildren(
    ...options.map(([value, label, enabled]) => {
      const option = element('option', label);
      option.value = value;
      option.disabled = !enabled;
      return option;
    }),
  );
  scope.value = state.scope;
  if (scope.selectedOptions[0]?.disabled) scope.value = 'workspace';
}

function drawBudget(): void {
  const value = state.budget ?? result?.budget ?? context?.questionBudget ?? 4000;
  const range = budgetRange(value, result?.result.totals.originalTokens);
  budget.min = String(range.min);
  budget.max = String(range.max);
  budget.step = String(range.step);
  budget.value = String(value);
  drawBudgetFigures();
}

function drawBudgetFigures(): void {
  const figures = budgetFigures(Number(budget.value), result?.result.totals.originalTokens);
  budgetFigure.textContent = figures.budget;
  budget.setAttribute('aria-valuetext', figures.budget);
  budgetEffect.textContent = figures.effect;
}

function showRun(next: RunState): void {
  run = next;
  const ownRun = run.state === 'running' && run.own;
  runButton.disabled = ownRun;
  cancelButton.disabled = !ownRun;
  progress.dataset.state = run.state;
  progress.replaceChildren();
  if (run.state === 'running') {
    progress.append(element('span', run.message));
    const meter = element('progress');
    meter.max = 1;
    if (run.fraction !== undefined) meter.value = run.fraction;
    meter.setAttribute('aria-label', 'Compression progress');
    progress.append(meter);
  } else if (run.state === 'cancelled') {
    progress.append(element('span', 'Cancelled.'));
  } else if (run.state === 'failed') {
    progress.append(element('span', run.message, 'error'));
  }
}

function drawResult(focusKey?: string): void {
  if (!result) {
    resultArea.replaceChildren(element('p', 'Nothing compressed yet. Ask a question above, or run a LongCodeZip command; the latest compression shows here.', 'muted empty'));
    return;
  }
  const actions = element('div', undefined, 'buttons actions');
  actions.append(
    button('Copy', () => post({ type: 'copy' }), { title: 'Copy the compressed context', id: 'copy' }),
    button('Preview', () => post({ type: 'showPreview' }), { secondary: true, title: 'Open the compressed context in an editor', id: 'preview' }),
    button('Send', () => post({ type: 'send' }), { secondary: true, title: 'Send the compressed context to a language model', id: 'send' }),
  );
  const noticeLine = element('p', notice, 'notice small');
  noticeLine.setAttribute('role', 'status');
  noticeLine.id = 'notice';

  const controls = element('div', undefined, 'tree-controls');
  const sortLabel = element('label', 'Sort');
  sortLabel.htmlFor = 'sort';
  const sort = element('select');
  sort.id = 'sort';
  for (const [key, label] of Object.entries(SORT_LABELS)) {
    const option = element('option', label);
    option.value = key;
    sort.append(option);
  }
  sort.value = state.sort;
  sort.addEventListener('change', () => {
    save({ sort: sort.value as SortKey });
    drawResult();
    document.getElementById('sort')?.focus();
  });
  const filter = element('input');
  filter.type = 'search';
  filter.id = 'filter';
  filter.placeholder = 'Filter by name or path';
  filter.setAttribute('aria-label', 'Filter chunks by name or path');
  filter.value = state.filterText;
  filter.addEventListener('input', () => {
    save({ filterText: filter.value });
    drawTree();
  });
  const sortField = element('span', undefined, 'sort-field');
  sortField.append(sortLabel, sort);
  controls.append(sortField, filter);

  const counts = statusCounts(tree);
  const toggles = element('div', undefined, 'status-toggles');
  toggles.setAttribute('role', 'group');
  toggles.setAttribute('aria-label', 'Show chunks that are');
  for (const status of ALL_STATUSES) {
    const on = state.statuses.includes(status);
    const toggle = button(`${STATUS_LABELS[status]} ${counts[status]}`, () => {
      save({ statuses: on ? state.statuses.filter((s) => s !== status) : [...state.statuses, status] });
      drawResult();
      document.getElementById(`show-${status}`)?.focus();
    }, { secondary: !on, id: `show-${status}` });
    toggle.classList.add('toggle', `toggle-${status}`);
    toggle.setAttribute('aria-pressed', String(on));
    toggles.append(toggle);
  }
  const treeHost = element('div', undefined, 'tree-host');
  treeHost.id = 'tree';
  resultArea.replaceChildren(renderHeader(result), actions, noticeLine, controls, toggles, treeHost);
  drawTree(focusKey);
}

function drawTree(focusKey?: string): void {
  const host = document.getElementById('tree');
  if (!host) return;
  const shown = arrangeTree(tree, state.sort, { statuses: state.statuses, text: state.filterText });
  const toggled = new Set(state.toggled);
  // Files with nothing kept start closed; a click flips a file from its starting state.
  const startsClosed = (path: string) => (tree.find((file) => file.path === path)?.keptTokens ?? 0) === 0;
  const handlers = {
    isCollapsed: (path: string) => startsClosed(path) !== toggled.has(path) && state.filterText.trim() === '',
    onToggle: (path: string) => {
      save({ toggled: toggled.has(path) ? state.toggled.filter((p) => p !== path) : [...state.toggled, path] });
      drawTree(`file:${path}`);
    },
    onReveal: (chunk: { path: string; startLine: number; endLine: number }) =>
      post({ type: 'reveal', path: chunk.path, startLine: chunk.startLine, endLine: chunk.endLine }),
  };
  const rendered = shown.length > 0 ? renderTree(shown, handlers, focusKey) : element('p', 'No chunk matches the filter.', 'muted');
  host.replaceChildren(rendered);
  if (focusKey) host.querySelector<HTMLElement>(`.row[data-key="${CSS.escape(focusKey)}"]`)?.focus();
}

function drawStatus(): void {
  if (!status) return;
  const summary = element('summary', 'About this installation');
  statusArea.replaceChildren(summary, ...renderStatus(status, post));
}

// ---- messages from the host
window.addEventListener('message', (event: MessageEvent<HostToPanelMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'status':
      status = message.status;
      drawStatus();
      break;
    case 'context':
      context = message.context;
      trustBanner.hidden = context.trusted;
      drawScopes();
      drawBudget();
      break;
    case 'result': {
      const fresh = message.result !== undefined && message.result.finishedAt !== state.seenResult;
      result = message.result;
      tree = result ? chunkTree(result.result) : [];
      statusArea.open = result === undefined;
      if (result && fresh) {
        // A new compression, from here or from a command: the form shows what produced it.
        if (result.mode === 'question') {
          query.value = result.query;
          scope.value = result.scope;
        }
        save({ query: query.value, scope: scope.value as PanelScope, budget: result.budget, seenResult: result.finishedAt });
        notice = '';
      }
      drawBudget();
      drawResult();
      break;
    }
    case 'run':
      showRun(message.run);
      break;
    case 'notice':
      notice = message.text;
      { const line = document.getElementById('notice'); if (line) line.textContent = notice; }
      break;
  }
});

drawScopes();
drawBudget();
showRun(run);
drawResult();
post({ type: 'ready' });
