// Stands in for `sharp`, which @huggingface/transformers requires at load time for image models.
// LongCodeZip only runs text models, so sharp is not shipped; this fails loudly if anything calls it.
export default function sharpUnavailable(): never {
  throw new Error('Image processing (sharp) is not available in LongCodeZip: only text models are supported.');
}
