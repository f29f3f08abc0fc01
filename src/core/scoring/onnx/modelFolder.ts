import * as fs from 'node:fs';
import * as path from 'node:path';

/** The weight variants of a published transformers.js model folder, by the file each one lives in. */
export const MODEL_FILES = {
  fp32: 'onnx/model.onnx',
  fp16: 'onnx/model_fp16.onnx',
  q8: 'onnx/model_quantized.onnx',
  int8: 'onnx/model_int8.onnx',
  uint8: 'onnx/model_uint8.onnx',
  q4: 'onnx/model_q4.onnx',
  q4f16: 'onnx/model_q4f16.onnx',
  bnb4: 'onnx/model_bnb4.onnx',
} as const;

export type ModelDtype = keyof typeof MODEL_FILES;

export function isModelDtype(value: string): value is ModelDtype {
  return Object.hasOwn(MODEL_FILES, value);
}

/** The shape facts of a causal LM that scoring needs, from its config.json. */
export interface ModelConfig {
  readonly modelType: string;
  /** The longest sequence the model was trained for: its window. */
  readonly maxPositions: number;
  readonly layers: number;
  readonly keyValueHeads: number;
  readonly headDim: number;
  readonly vocabSize: number;
}

/** A model folder that cannot be used, said in one line: the path, what is wrong, what to do. */
export class ModelFolderError extends Error {
  override readonly name = 'ModelFolderError';
}

const REDOWNLOAD = 'the model was not fully downloaded; download it again.';

/** Checks that `folder` holds what loading needs, and reads its config. Throws ModelFolderError. */
export function openModelFolder(folder: string, dtype: ModelDtype): { config: ModelConfig; modelPath: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new ModelFolderError(`Model folder ${folder} does not exist: download the model, or point the model setting at its folder.`);
  }
  if (!stat.isDirectory()) throw new ModelFolderError(`Model folder ${folder} is a file, not a folder: point the model setting at the folder that holds config.json.`);
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) requireFile(folder, file);
  const modelFile = MODEL_FILES[dtype];
  if (!fs.existsSync(path.join(folder, modelFile))) {
    const present = (Object.keys(MODEL_FILES) as ModelDtype[]).filter((other) => fs.existsSync(path.join(folder, MODEL_FILES[other])));
    const instead = present.length > 0 ? `choose a dtype that is present (${present.join(', ')}) or download the ${dtype} variant.` : REDOWNLOAD;
    throw new ModelFolderError(`Model file ${modelFile} (dtype ${dtype}) is missing in ${folder}: ${instead}`);
  }
  return { config: readModelConfig(folder), modelPath: path.join(folder, modelFile) };
}

/** Whether the folder holds the weights file of `dtype` (nothing else is checked). */
export function hasWeights(folder: string, dtype: ModelDtype): boolean {
  return fs.existsSync(path.join(folder, MODEL_FILES[dtype]));
}

export function requireFile(folder: string, file: string): void {
  if (!fs.existsSync(path.join(folder, file))) throw new ModelFolderError(`Model file ${file} is missing in ${folder}: ${REDOWNLOAD}`);
}

function readModelConfig(folder: string): ModelConfig {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(folder, 'config.json'), 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ModelFolderError(`Model file config.json in ${folder} cannot be read (${(error as Error).message}): ${REDOWNLOAD}`);
  }
  const number = (key: string, fallback?: number): number => {
    const value = raw[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new ModelFolderError(`Model file config.json in ${folder} has no valid "${key}": this is not a causal language model folder this scorer can run.`);
    }
    return value;
  };
  const heads = number('num_attention_heads');
  return {
    modelType: typeof raw.model_type === 'string' ? raw.model_type : 'unknown',
    maxPositions: number('max_position_embeddings'),
    layers: number('num_hidden_layers'),
    keyValueHeads: number('num_key_value_heads', heads),
    headDim: number('head_dim', Math.floor(number('hidden_size') / heads)),
    vocabSize: number('vocab_size'),
  };
}
