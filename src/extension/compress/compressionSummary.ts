import type { CompressionResult } from '../../core/compress/compressionResult';
import { formatTokenFigures } from '../../webview/viewModel/format';
import { resultHeader } from '../../webview/viewModel/resultHeader';

/** One line for the user: tokens in and out, the ratio, what was kept, which scorer (model, device), the time. */
export function compressionSummary(result: CompressionResult): string {
  const { scorer } = result;
  const header = resultHeader(result);
  return [
    formatTokenFigures({ ...result.totals, budget: result.parameters.budget }),
    header.chunks,
    `${scorer.name} scorer (${scorer.model}, ${scorer.device}${scorer.name === 'onnx' ? `, ${scorer.dtype}` : ''})`,
    header.totalTime,
  ].join(' · ');
}
