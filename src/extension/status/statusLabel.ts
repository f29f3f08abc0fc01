// The status-bar item's text and tooltip. Pure (no `vscode`): the item is set from what this returns.
import type { ScorerInfo } from '../../core/scoring/scorer';
import { formatRatio, formatTokenFigures } from '../../webview/viewModel/format';

/** What the status bar knows of the scorer before any compression (settings) or after one (result). */
export type ScorerState =
  | { readonly kind: 'ngram'; readonly untrusted: boolean }
  | { readonly kind: 'onnx'; readonly model: string; readonly device: string }
  | { readonly kind: 'remote'; readonly model: string; readonly host: string }
  | { readonly kind: 'ran'; readonly scorer: ScorerInfo; readonly untrusted: boolean }
  | { readonly kind: 'broken'; readonly problem: string };

export interface StatusInput {
  readonly scorer: ScorerState;
  readonly running: boolean;
  readonly last?: { readonly ratio: number; readonly originalTokens: number; readonly compressedTokens: number; readonly budget: number };
}

export interface StatusLabel {
  readonly text: string;
  /** Markdown. */
  readonly tooltip: string;
  readonly warning: boolean;
}

export function statusLabel(input: StatusInput): StatusLabel {
  const { scorer } = input;
  const untrusted = (scorer.kind === 'ngram' || scorer.kind === 'ran') && scorer.untrusted;
  const icon = input.running ? '$(sync~spin)' : scorer.kind === 'broken' ? '$(warning)' : untrusted ? '$(shield)' : '$(fold)';
  const scorerText = scorerShort(scorer);
  const ratio = input.last && input.last.ratio > 0 ? ` · ${formatRatio(input.last.ratio)}` : '';
  const lines = [`**LongCodeZip** — ${scorerLong(scorer)}`];
  if (untrusted) lines.push('This folder is not trusted: only the n-gram scorer runs; the model and device settings are ignored.');
  if (input.last) lines.push(`Last compression: ${formatTokenFigures(input.last)}`);
  lines.push(input.running ? 'Compressing… (cancel in the notification or the panel)' : 'Click to open the LongCodeZip panel.');
  return { text: `${icon} ${scorerText}${ratio}`, tooltip: lines.join('\n\n'), warning: scorer.kind === 'broken' };
}

function scorerShort(scorer: ScorerState): string {
  switch (scorer.kind) {
    case 'ngram':
      return scorer.untrusted ? 'n-gram only' : 'n-gram';
    case 'onnx':
      return `${scorer.model} · ${scorer.device}`;
    case 'remote':
      return `${scorer.model} · ${scorer.host}`;
    case 'ran':
      return scorer.scorer.name === 'ngram' ? (scorer.untrusted ? 'n-gram only' : 'n-gram') : `${scorer.scorer.model} · ${scorer.scorer.device}`;
    case 'broken':
      return 'LongCodeZip';
  }
}

function scorerLong(scorer: ScorerState): string {
  switch (scorer.kind) {
    case 'ngram':
      return 'scorer: n-gram (statistical, trained on the workspace; no model)';
    case 'onnx':
      return `scorer: neural, model ${scorer.model}, device ${scorer.device} (as set; the next compression starts it)`;
    case 'remote':
      return `scorer: remote, model ${scorer.model} on the server at ${scorer.host} (as set; the next compression sends it the code to score)`;
    case 'ran': {
      const { name, model, device, dtype, threads } = scorer.scorer;
      if (name === 'ngram') return `scorer: n-gram (${model})`;
      if (name === 'remote') return `scorer: remote, model ${model} on the server at ${device}, up to ${threads} requests at once`;
      return `scorer: ${name}, model ${model}, device ${device}, ${dtype}, ${threads} threads`;
    }
    case 'broken':
      return `the scorer settings need a fix: ${scorer.problem}`;
  }
}
