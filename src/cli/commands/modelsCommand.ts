import { MODEL_CATALOG } from '../../core/models/catalog/modelCatalog';
import { availableDevices } from '../../core/scoring/onnx/devices/availableDevices';
import { chooseDevice } from '../../core/scoring/onnx/devices/chooseDevice';
import { defaultDtype } from '../../core/scoring/onnx/devices/defaultDtype';
import { systemDeviceProbes } from '../../core/scoring/onnx/devices/systemDeviceProbes';
import { DownloadError } from '../../core/models/download/downloadError';
import { hubEndpoint } from '../../core/models/download/hubEndpoint';
import { installedState, presentDtypes } from '../../core/models/installedModel';
import { listModels, type ModelListing } from '../../core/models/listModels';
import { isHubModelId } from '../../core/models/modelReference';
import { hubModelFolder } from '../../core/models/modelStore';
import { pullModel, type PullProgress } from '../../core/models/pullModel';
import { isModelDtype, MODEL_FILES, type ModelDtype } from '../../core/scoring/onnx/modelFolder';
import { describeSize } from '../../core/workspace/describeSize';
import type { CliContext, CliIO } from '../cliIO';
import { parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';
import { cliModelsDir, pullCommand } from './modelFlags';

export const MODELS_USAGE = `longcodezip models [list] [--json] [--cache-dir DIR]
longcodezip models pull ID [--dtype D] [--cache-dir DIR] [--offline]
longcodezip models path ID [--dtype D] [--cache-dir DIR]

list (default): the known models with their approximate sizes, what is downloaded and where, and the
  devices the neural scorer can run on here.
pull ID: downloads model ID (owner/name on the Hugging Face hub, or $HF_ENDPOINT) for the neural scorer:
  config, tokenizer and the weights of one dtype, each checked against the size and hash the hub states.
  Progress goes to stderr, the model's folder to stdout. Ctrl-C stops it; pulling again resumes.
path ID: prints the folder of a downloaded model; exit 1, naming the pull, when it is not complete.

  --dtype D        which weights: q8 (onnx/model_quantized.onnx), fp16, fp32, q4, q4f16, int8, uint8, bnb4
                   (default: the one --device auto loads here: q8 on the CPU, fp16 on a GPU; for path:
                   any that is complete)
  --cache-dir DIR  where models go: DIR/models (default $LONGCODEZIP_CACHE_DIR or ~/.cache/longcodezip)
  --offline        pull: download nothing, only check that the model is complete
  --json           list as JSON
`;

export async function modelsCommand(argv: readonly string[], io: CliIO, context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    dtype: { type: 'string' },
    'cache-dir': { type: 'string' },
    offline: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(MODELS_USAGE);
    return 0;
  }
  const [action = 'list', ...rest] = positionals;
  const directory = cliModelsDir(values['cache-dir'] as string | undefined, context);
  const dtype = values.dtype as string | undefined;
  if (dtype !== undefined && !isModelDtype(dtype)) throw new UsageError(`--dtype '${dtype}' is not a known weight variant (${Object.keys(MODEL_FILES).join(', ')})`);
  const only = (allowed: string[]) => {
    for (const flag of ['dtype', 'offline', 'json'] as const) if (values[flag] !== undefined && !allowed.includes(flag)) throw new UsageError(`models ${action} does not take --${flag}`);
  };
  if (action === 'list') {
    if (rest.length > 0) throw new UsageError(`models list takes no model id (got '${rest[0]}')`);
    only(['json']);
    return listCommand(io, directory, values.json === true);
  }
  if (action !== 'pull' && action !== 'path') throw new UsageError(`models: unknown action '${action}' (list, pull ID or path ID)`);
  if (rest.length !== 1) throw new UsageError(`models ${action} takes one model id (owner/name)`);
  const id = rest[0]!;
  if (!isHubModelId(id)) throw new UsageError(`'${id}' is not a model id: give the hub's owner/name, e.g. ${MODEL_CATALOG[0]!.id}`);
  if (action === 'path') {
    only(['dtype']);
    return pathCommand(io, directory, id, dtype);
  }
  only(['dtype', 'offline']);
  return pull(io, context, directory, id, dtype ?? (await dtypeForThisMachine()), values.offline === true);
}

async function listCommand(io: CliIO, directory: string, json: boolean): Promise<number> {
  const models = listModels(directory);
  const devices = await availableDevices();
  if (json) {
    io.stdout(`${JSON.stringify({ modelsDirectory: directory, models, devices }, null, 2)}\n`);
    return 0;
  }
  io.stdout(`Models (downloads go to ${directory})\n`);
  for (const model of models) io.stdout(describeListing(model));
  io.stdout(`Download one with: longcodezip models pull ID [--dtype D]\n\nDevices on this machine\n`);
  for (const device of devices) io.stdout(`  ${device.device.padEnd(7)} ${(device.usable ? 'yes' : 'no').padEnd(4)} ${device.detail}\n`);
  return 0;
}

function describeListing(model: ModelListing): string {
  const lines: string[] = [];
  const catalog = model.catalog;
  if (catalog) {
    const sizes = Object.entries(catalog.approximateBytes).map(([dtype, bytes]) => `${dtype} ~${describeSize(bytes)}`);
    lines.push(`  ${model.id}  (${catalog.role}, ${catalog.parameters}: ${catalog.note})`, `      download: ${sizes.join(', ')}`);
  } else {
    lines.push(`  ${model.id}`);
  }
  if (model.downloaded.length === 0) lines.push('      not downloaded');
  else {
    const dtypes = model.downloaded.map((d) => `${d.dtype} ${describeSize(d.bytes)}${d.complete ? '' : ' (incomplete: pull again)'}`);
    lines.push(`      downloaded: ${dtypes.join(', ')} in ${model.folder}`);
  }
  return `${lines.join('\n')}\n`;
}

async function pathCommand(io: CliIO, directory: string, id: string, dtype: ModelDtype | undefined): Promise<number> {
  const folder = hubModelFolder(directory, id);
  const candidates = dtype ? [dtype] : presentDtypes(folder);
  if (candidates.some((d) => installedState(folder, d).complete)) {
    io.stdout(`${folder}\n`);
    return 0;
  }
  const what = candidates.length === 1 ? `Model ${id} (${candidates[0]})` : `Model ${id}`;
  const state = candidates.length === 1 ? installedState(folder, candidates[0]!) : undefined;
  const problem = state && state.partial.length + state.damaged.length > 0 ? 'is not completely downloaded' : 'is not downloaded';
  io.stderr(`longcodezip: ${what} ${problem}: run \`${pullCommand(id, dtype)}\`\n`);
  return 1;
}

/** The dtype `--device auto` would load here, so that a plain pull fetches what compress then uses. */
async function dtypeForThisMachine(): Promise<ModelDtype> {
  return defaultDtype((await chooseDevice('auto', systemDeviceProbes())).device);
}

async function pull(io: CliIO, context: CliContext, directory: string, id: string, dtype: ModelDtype, offline: boolean): Promise<number> {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    const pulled = await pullModel({
      id,
      dtype,
      modelsDirectory: directory,
      endpoint: hubEndpoint(context.env ?? process.env),
      offline,
      signal: controller.signal,
      onProgress: progressPrinter(io, process.stderr.isTTY === true),
    });
    const fetched = pulled.files.filter((file) => file.verifiedBy !== undefined);
    const bytes = fetched.reduce((sum, file) => sum + file.bytes, 0);
    const summary = fetched.length === 0 ? 'already downloaded' : `downloaded ${fetched.length} file${fetched.length === 1 ? '' : 's'}, ${describeSize(bytes)}`;
    io.stderr(`longcodezip: ${id} (${dtype}) is ready (${summary}) in ${pulled.folder}\n`);
    io.stdout(`${pulled.folder}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DownloadError && error.failure === 'cancelled') {
      io.stderr(`\nlongcodezip: ${error.message}\n`);
      return 130;
    }
    if (error instanceof DownloadError && error.failure === 'offline') throw new Error(`${error.message}: run \`${pullCommand(id, dtype)}\` without --offline`);
    throw error;
  } finally {
    process.off('SIGINT', cancel);
  }
}

/**
 * Byte progress on stderr: at a terminal one line per file, rewritten in place; in a log a line when a
 * file starts, at each tenth of a large file, and when it is done.
 */
function progressPrinter(io: CliIO, live: boolean): (progress: PullProgress) => void {
  let started = 0;
  let lastTenth = -1;
  let lastDrawn = 0;
  return (progress) => {
    const head = `  [${progress.index}/${progress.count}] ${progress.file}`;
    if (progress.state === 'present') {
      io.stderr(`${head}: already downloaded (${describeSize(progress.receivedBytes)})\n`);
      return;
    }
    if (progress.state === 'done') {
      io.stderr(`${live ? '\r\x1b[K' : ''}${head}: ${describeSize(progress.receivedBytes)}, checked\n`);
      lastTenth = -1;
      return;
    }
    const total = progress.totalBytes;
    const now = performance.now();
    const first = lastTenth === -1;
    if (first) {
      started = now;
      lastTenth = 0;
      const resumed = progress.resumedFromBytes > 0 ? `, resuming at ${describeSize(progress.resumedFromBytes)}` : '';
      if (!live) io.stderr(`${head}: downloading${total !== undefined ? ` ${describeSize(total)}` : ''}${resumed}\n`);
    }
    const share = total ? progress.receivedBytes / total : 0;
    const amount = `${describeSize(progress.receivedBytes)}${total !== undefined ? ` of ${describeSize(total)} (${Math.floor(share * 100)}%)` : ''}`;
    if (live) {
      if (!first && now - lastDrawn < 100) return;
      lastDrawn = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0.5 ? `, ${describeSize(Math.round((progress.receivedBytes - progress.resumedFromBytes) / seconds))}/s` : '';
      io.stderr(`\r\x1b[K${head}: ${amount}${rate}`);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (total !== undefined && total >= 10_000_000 && tenth > lastTenth && tenth < 10) {
      lastTenth = tenth;
      io.stderr(`${head}: ${amount}\n`);
    }
  };
}
