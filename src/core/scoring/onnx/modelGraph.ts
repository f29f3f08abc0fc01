import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { logProbHeadAppendix } from './logProbHead';
import { ModelFolderError } from './modelFolder';
import { readOnnxOutline } from './onnxOutline';
import { MalformedProtoError } from './protoWire';

const ONNX_FLOAT = 1;
const ONNX_FLOAT16 = 10;
/** Plenty for the appended head (a few hundred bytes). */
const APPENDIX_ROOM = 4096;
/** GatherElements, and LogSoftmax with a free axis, need operator set 11. */
const MIN_OPSET = 11;

/**
 * The model file's bytes with the log-prob head appended (logProbHead.ts), after checking that the file
 * is an ONNX model with a logits output and that its external-data files are all there and complete.
 */
export async function readModelWithLogProbHead(folder: string, modelPath: string): Promise<Uint8Array> {
  const relative = path.relative(folder, modelPath);
  const size = (await fs.stat(modelPath)).size;
  const buffer = Buffer.allocUnsafe(size + APPENDIX_ROOM);
  const file = await fs.open(modelPath, 'r');
  try {
    let read = 0;
    while (read < size) {
      const { bytesRead } = await file.read(buffer, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
  } finally {
    await file.close();
  }
  const model = buffer.subarray(0, size);
  const damaged = (what: string) => new ModelFolderError(`Model file ${relative} in ${folder} is damaged (${what}): download the model again.`);
  let outline;
  try {
    outline = readOnnxOutline(model);
  } catch (error) {
    if (error instanceof MalformedProtoError) throw damaged(`not a readable ONNX model: ${error.message}`);
    throw error;
  }
  const logitsType = outline.outputs.get('logits');
  if (logitsType === undefined) throw damaged('it has no "logits" output; this scorer needs a causal language model exported with its logits');
  if (logitsType !== ONNX_FLOAT && logitsType !== ONNX_FLOAT16) throw damaged(`its logits are of ONNX type ${logitsType}, not float32 or float16`);
  if (outline.opset !== 0 && outline.opset < MIN_OPSET) throw damaged(`operator set ${outline.opset}; at least ${MIN_OPSET} is needed`);
  await checkExternalData(path.dirname(modelPath), folder, outline.externalData);

  const appendix = logProbHeadAppendix('logits', logitsType === ONNX_FLOAT16);
  buffer.set(appendix, size);
  return buffer.subarray(0, size + appendix.length);
}

async function checkExternalData(modelDir: string, folder: string, required: ReadonlyMap<string, number>): Promise<void> {
  for (const [location, bytes] of required) {
    const full = path.resolve(modelDir, location);
    const relative = path.relative(folder, full);
    let size: number;
    try {
      size = (await fs.stat(full)).size;
    } catch {
      throw new ModelFolderError(`Model file ${relative} is missing in ${folder}: the model was not fully downloaded; download it again.`);
    }
    if (size < bytes) {
      throw new ModelFolderError(
        `Model file ${relative} in ${folder} is incomplete (${size} of at least ${bytes} bytes): the download was interrupted; download the model again.`,
      );
    }
  }
}
