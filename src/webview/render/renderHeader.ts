import type { PanelResult } from '../protocol';
import { resultHeader } from '../viewModel/resultHeader';
import { bar, element } from './dom';

/** The figures of the latest compression: tokens in and out, ratio, chunks, scorer, stage times, notes. */
export function renderHeader(panel: PanelResult): HTMLElement {
  const header = resultHeader(panel.result);
  const section = element('section', undefined, 'result-header');
  section.setAttribute('aria-label', 'Latest compression');

  const query = element('p', undefined, 'result-query');
  query.append(element('span', panel.mode === 'question' ? 'Question: ' : '', 'muted'), element('span', panel.query));
  query.title = `${panel.query}\nScope: ${panel.scopeLabel}`;

  const tokens = element('p', undefined, 'figures');
  tokens.id = 'figures';
  tokens.append(
    element('span', header.originalTokens, 'figure'),
    element('span', ' → ', 'muted'),
    element('span', header.compressedTokens, 'figure strong'),
    element('span', ' tokens', 'muted'),
    element('span', header.ratio, 'ratio'),
  );
  const budget = element('p', `Budget ${header.budget} · ${header.chunks} · ${panel.scopeLabel}`, 'muted small');
  budget.id = 'result-budget';

  const scorer = element('p', undefined, 'scorer small');
  scorer.append(element('span', header.scorer, 'strong'), element('span', ` · ${header.model} · ${header.device}`));
  const parts: HTMLElement[] = [query, tokens, budget, scorer];
  if (header.scoring !== undefined) {
    const scoring = element('p', header.scoring, 'muted small');
    scoring.id = 'scoring';
    parts.push(scoring);
  }

  const stages = element('ul', undefined, 'stages');
  stages.setAttribute('aria-label', `Time per stage, ${header.totalTime} in all`);
  for (const stage of header.stages) {
    const item = element('li');
    item.append(element('span', stage.label, 'stage-name'), bar(stage.share, 'stage-bar', `${stage.label}: ${stage.text}`), element('span', stage.text, 'stage-time'));
    stages.append(item);
  }
  parts.push(stages);

  for (const note of [...header.notes, ...(header.skipped ? [header.skipped] : [])]) parts.push(element('p', note, 'note small'));
  section.append(...parts);
  return section;
}
