import { MODEL_FILES, type ModelDtype } from '../scoring/onnx/modelFolder';

/** The files every weight variant shares: the scorer reads its shape from one and its tokenizer from the others. */
export const SHARED_MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/**
 * The external-data files of a dtype's model file, as transformers.js finds them: config.json's
 * `transformers.js_config.use_external_data_format` is `true`/a count for every file, or a map keyed by
 * the file name (`model_fp16.onnx`) or its stem (`model`); N files are `X.onnx_data`, `X.onnx_data_1`, ...
 */
export function externalDataFiles(config: unknown, dtype: ModelDtype): string[] {
  const modelFile = MODEL_FILES[dtype];
  const fileName = modelFile.slice(modelFile.lastIndexOf('/') + 1);
  const setting = (config as { 'transformers.js_config'?: { use_external_data_format?: unknown } } | null)?.['transformers.js_config']?.use_external_data_format;
  let count = 0;
  if (typeof setting === 'object' && setting !== null) {
    const byFile = setting as Record<string, unknown>;
    const value = Object.hasOwn(byFile, fileName) ? byFile[fileName] : Object.hasOwn(byFile, 'model') ? byFile.model : 0;
    count = Number(value) || 0;
  } else if (setting === true || typeof setting === 'number') {
    count = Number(setting);
  }
  return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, i) => `${modelFile}_data${i === 0 ? '' : `_${i}`}`);
}

/** Every file a dtype needs, shared files first, the model file, then its external data. */
export function filesForDtype(config: unknown, dtype: ModelDtype): string[] {
  return [...SHARED_MODEL_FILES, MODEL_FILES[dtype], ...externalDataFiles(config, dtype)];
}
