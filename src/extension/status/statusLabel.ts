// The status-bar item's text and tooltip. Pure (no `vscode`): the item is set from what this returns.
import type { ScorerInfo } from '../../core/scoring/scorer';

/** What the status bar knows of the scorer before any compression (settings) or after one (result). */
export type ScorerState =
  | { readonly kind: 'ngram'; readonly untrusted: boolean }
  | { readonly kind: 'onnx'; readonly model: string; readonly device: string }
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
  const untrusted = scorer.kind !== 'onnx' && scorer.kind !== 'broken' && scorer.untrusted;
  const icon = input.running ? '$(sync~spin)' : scorer.kind === 'broken' ? '$(warning)' : untrusted ? '$(shield)' : '$(fold)';
  const scorerText = scorerShort(scorer);
  const ratio = input.last && input.last.ratio > 0 ? ` · ${input.last.ratio.toFixed(1)}×` : '';
  const lines = [`**LongCodeZip** — ${scorerLong(scorer)}`];
  if (untrusted) lines.push('This folder is not trusted: only the n-gram scorer runs; the model and device settings are ignored.');
  if (input.last) {
    const n = (value: number) => value.toLocaleString('en-US');
    lines.push(`Last compression: ${n(input.last.originalTokens)} → ${n(input.last.compressedTokens)} tokens (${input.last.ratio.toFixed(1)}×, budget ${n(input.last.budget)})`);
  }
  lines.push(input.running ? 'Compressing… (cancel in the notification or the panel)' : 'Click to open the LongCodeZip panel.');
  return { text: `${icon} ${scorerText}${ratio}`, tooltip: lines.join('\n\n'), warning: scorer.kind === 'broken' };
}

function scorerShort(scorer: ScorerState): string {
  switch (scorer.kind) {
    case 'ngram':
      return scorer.untrusted ? 'n-gram only' : 'n-gram';
    case 'onnx':
      return `${scorer.model} · ${scorer.device}`;
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
    case 'ran': {
      const { name, model, device, dtype, threads } = scorer.scorer;
      return name === 'ngram' ? `scorer: n-gram (${model})` : `scorer: ${name}, model ${model}, device ${device}, ${dtype}, ${threads} threads`;
    }
    case 'broken':
      return `the scorer settings need a fix: ${scorer.problem}`;
  }
}
