import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODEL_FILES, type ModelDtype } from './modelFolder';

/** Bumped when the neural scorer would score the same texts differently: its cached scores are stale. */
const ONNX_SCORES_VERSION = 1;

/**
 * What a neural scorer's answers depend on, for the score cache: the model folder, the weights chosen
 * and the files they come from (size and time: a model replaced in the same folder is a new model).
 */
export function modelFingerprint(folder: string, dtype: ModelDtype): string {
  const hash = createHash('sha1').update(`onnx-v${ONNX_SCORES_VERSION}\0${path.resolve(folder)}\0${dtype}\0`);
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', MODEL_FILES[dtype], `${MODEL_FILES[dtype]}_data`]) {
    const stat = fs.statSync(path.join(folder, file), { throwIfNoEntry: false });
    hash.update(`${file}\0${stat ? `${stat.size}\0${stat.mtimeMs}` : 'absent'}\0`);
  }
  return hash.digest('hex');
}
