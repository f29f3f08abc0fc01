import type { ChunkRow, FileRow } from '../viewModel/chunkTree';
import { bar, element } from './dom';

export interface TreeHandlers {
  readonly isCollapsed: (path: string) => boolean;
  readonly onToggle: (path: string) => void;
  readonly onReveal: (chunk: ChunkRow) => void;
}

/**
 * The file -> chunk tree (ARIA tree): one tab stop, arrows move between rows, Right/Left open and close
 * a file, Enter or Space opens a chunk's code in the editor (or toggles a file).
 */
export function renderTree(files: readonly FileRow[], handlers: TreeHandlers, focusKey: string | undefined): HTMLElement {
  const tree = element('ul', undefined, 'tree');
  tree.setAttribute('role', 'tree');
  tree.setAttribute('aria-label', 'Files and chunks');
  for (const file of files) tree.append(fileItem(file, handlers));
  const rows = visibleRows(tree);
  const focused = rows.find((row) => row.dataset.key === focusKey) ?? rows[0];
  if (focused) focused.tabIndex = 0;
  tree.addEventListener('keydown', (event) => onKey(event, tree, handlers));
  tree.addEventListener('focusin', (event) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('.row');
    if (!row) return;
    for (const other of tree.querySelectorAll<HTMLElement>('.row[tabindex="0"]')) if (other !== row) other.tabIndex = -1;
    row.tabIndex = 0;
  });
  return tree;
}

function fileItem(file: FileRow, handlers: TreeHandlers): HTMLElement {
  const collapsed = handlers.isCollapsed(file.path);
  const item = element('li', undefined, 'file');
  item.setAttribute('role', 'treeitem');
  item.setAttribute('aria-expanded', String(!collapsed));
  const row = element('div', undefined, 'row file-row');
  row.dataset.key = `file:${file.path}`;
  row.dataset.path = file.path;
  row.tabIndex = -1;
  const kept = file.counts.kept + file.counts.partial + file.counts.pinned;
  row.append(
    element('span', collapsed ? '▸' : '▾', 'twisty'),
    element('span', file.path, 'file-path'),
    element('span', `${kept}/${file.chunks.length}`, 'file-count'),
  );
  row.title = `${file.path}: ${file.tokensText}`;
  row.setAttribute('aria-label', `${file.path}, ${kept} of ${file.chunks.length} chunks kept, ${file.tokensText}`);
  row.addEventListener('click', () => handlers.onToggle(file.path));
  item.append(row);
  if (!collapsed) {
    const group = element('ul', undefined, 'chunks');
    group.setAttribute('role', 'group');
    for (const chunk of file.chunks) group.append(chunkItem(chunk, handlers));
    item.append(group);
  }
  return item;
}

function chunkItem(chunk: ChunkRow, handlers: TreeHandlers): HTMLElement {
  const item = element('li', undefined, 'chunk');
  item.setAttribute('role', 'treeitem');
  const row = element('div', undefined, 'row chunk-row');
  row.dataset.key = `chunk:${chunk.id}`;
  row.dataset.status = chunk.status;
  row.tabIndex = -1;
  const components = chunk.components.map((chip) => chip.text).join(', ');
  row.setAttribute('aria-label', `${chunk.label}, ${chunk.statusLabel}, ${chunk.tokensText}, ${chunk.scoreText}${components ? `, ${components}` : ''}. ${chunk.why}`);
  row.title = `${chunk.detail}\n${chunk.why}\nEnter or click: show the code`;

  const top = element('div', undefined, 'chunk-top');
  top.append(element('span', chunk.label, 'chunk-name'), element('span', chunk.statusLabel, `badge badge-${chunk.status}`));
  const bottom = element('div', undefined, 'chunk-bottom');
  const score = element('span', chunk.scoreValue, 'chunk-score');
  score.title = chunk.scoreTitle;
  bottom.append(bar(chunk.scoreBar, 'score-bar', chunk.scoreText), score, element('span', chunk.tokensText, 'chunk-tokens'));
  for (const component of chunk.components) {
    const chip = element('span', component.text, 'evidence');
    chip.title = component.title;
    bottom.append(chip);
  }
  row.append(top, bottom);
  // Why a dropped chunk is out is in its tooltip; why the others are in is shown.
  if (chunk.status !== 'dropped') row.append(element('div', chunk.why, 'chunk-why'));
  row.addEventListener('click', () => handlers.onReveal(chunk));
  item.append(row);
  return item;
}

function visibleRows(tree: HTMLElement): HTMLElement[] {
  return [...tree.querySelectorAll<HTMLElement>('.row')];
}

function onKey(event: KeyboardEvent, tree: HTMLElement, handlers: TreeHandlers): void {
  const row = (event.target as HTMLElement).closest<HTMLElement>('.row');
  if (!row) return;
  const rows = visibleRows(tree);
  const at = rows.indexOf(row);
  const move = (to: number) => rows[Math.max(0, Math.min(rows.length - 1, to))]?.focus();
  const isFile = row.classList.contains('file-row');
  const expanded = row.parentElement?.getAttribute('aria-expanded') === 'true';
  switch (event.key) {
    case 'ArrowDown':
      move(at + 1);
      break;
    case 'ArrowUp':
      move(at - 1);
      break;
    case 'Home':
      move(0);
      break;
    case 'End':
      move(rows.length - 1);
      break;
    case 'ArrowRight':
      if (isFile && !expanded) handlers.onToggle(row.dataset.path!);
      else move(at + 1);
      break;
    case 'ArrowLeft':
      if (isFile && expanded) handlers.onToggle(row.dataset.path!);
      else if (!isFile) row.closest('li.file')?.querySelector<HTMLElement>('.file-row')?.focus();
      break;
    case 'Enter':
    case ' ':
      row.click();
      break;
    default:
      return;
  }
  event.preventDefault();
}
