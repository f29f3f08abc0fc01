import type { CompressionResult } from '../../core/compress/compressionResult';

/** One line for the user: tokens in and out, the ratio, what was kept, which scorer (model, device). */
export function compressionSummary(result: CompressionResult): string {
  const { totals, scorer } = result;
  const number = (n: number) => n.toLocaleString('en-US');
  const chunks = result.files.flatMap((file) => file.chunks);
  const kept = chunks.filter((chunk) => chunk.status !== 'dropped').length;
  const seconds = result.timings.total >= 1000 ? `${(result.timings.total / 1000).toFixed(1)} s` : `${Math.round(result.timings.total)} ms`;
  return [
    `${number(totals.originalTokens)} → ${number(totals.compressedTokens)} tokens (${totals.ratio.toFixed(1)}×, budget ${number(result.parameters.budget)})`,
    `${kept} of ${chunks.length} chunks kept`,
    `${scorer.name} scorer (${scorer.model}, ${scorer.device}${scorer.name === 'onnx' ? `, ${scorer.dtype}` : ''})`,
    seconds,
  ].join(' · ');
}
