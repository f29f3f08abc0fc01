import type { CompressionResult } from '../../core/compress/compressionResult';

/** A compression result as the panel receives it: everything but the compressed text (the host keeps that). */
export type ResultForView = Omit<CompressionResult, 'text'>;

export function resultForView(result: CompressionResult): ResultForView {
  const { text: _text, ...rest } = result;
  return rest;
}
