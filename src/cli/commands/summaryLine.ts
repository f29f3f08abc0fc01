import type { CompressionResult } from '../../core/compress/compressionResult';

/** One line for stderr: what went in, what came out, how long it took, with what. */
export function summaryLine(result: CompressionResult): string {
  const { totals, timings, scorer } = result;
  const kept = result.files.flatMap((file) => file.chunks).filter((chunk) => chunk.status !== 'dropped').length;
  const all = result.files.reduce((sum, file) => sum + file.chunks.length, 0);
  const number = (n: number) => n.toLocaleString('en-US');
  const parts = [
    `${number(totals.originalTokens)} -> ${number(totals.compressedTokens)} tokens (${totals.ratio.toFixed(1)}x, budget ${number(result.parameters.budget)})`,
    `${kept} of ${all} chunks kept`,
    `${scorer.name} scorer (${scorer.model}, ${scorer.device}${scorer.name === 'onnx' ? `, ${scorer.dtype}, ${scorer.threads} threads` : ''})`,
    `${Math.round(timings.total)} ms`,
  ];
  const notes = result.notes.map((note) => `\nnote: ${note}`).join('');
  return `longcodezip: ${parts.join('; ')}${notes}`;
}
