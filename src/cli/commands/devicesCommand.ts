import * as readline from 'node:readline/promises';
import { availableDevices } from '../../core/scoring/onnx/devices/availableDevices';
import { chooseDevice } from '../../core/scoring/onnx/devices/chooseDevice';
import { checkCudaLibraries } from '../../core/scoring/onnx/devices/cudaLibraries';
import { cudaInstallPlan, runCudaInstall } from '../../core/scoring/onnx/devices/cudaInstall';
import { systemDeviceProbes } from '../../core/scoring/onnx/devices/systemDeviceProbes';
import type { CliContext, CliIO } from '../cliIO';
import { parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';

export const DEVICES_USAGE = `longcodezip devices [list] [--json]
longcodezip devices install-cuda [--yes]

list (default): the devices the neural scorer can run on here, and the one --device auto picks.
install-cuda: fetches ONNX Runtime's CUDA provider libraries (Linux x64), which its npm package does not
  ship, by running onnxruntime-node's own install script: it downloads the NuGet package
  Microsoft.ML.OnnxRuntime.Gpu.Linux (several hundred MB) from api.nuget.org and copies the provider
  libraries next to ONNX Runtime. CUDA 12, cuDNN 9 and an NVIDIA driver must be installed separately.
  Asks before downloading; --yes answers for you.

  --json    list as JSON
  --yes     install-cuda without asking
`;

export async function devicesCommand(argv: readonly string[], io: CliIO, _context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(DEVICES_USAGE);
    return 0;
  }
  const [action = 'list', ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`devices ${action} takes no other arguments (got '${rest[0]}')`);
  if (action === 'list') return listDevices(io, values.json === true);
  if (action === 'install-cuda') return installCuda(io, values.yes === true);
  throw new UsageError(`devices: unknown action '${action}' (list or install-cuda)`);
}

async function listDevices(io: CliIO, json: boolean): Promise<number> {
  const probes = systemDeviceProbes();
  const [devices, auto] = await Promise.all([availableDevices(probes), chooseDevice('auto', probes)]);
  if (json) {
    io.stdout(`${JSON.stringify({ devices, auto }, null, 2)}\n`);
    return 0;
  }
  for (const report of devices) io.stdout(`${report.device.padEnd(7)} ${(report.usable ? 'yes' : 'no').padEnd(4)} ${report.detail}\n`);
  io.stdout(`auto -> ${auto.device}\n`);
  return 0;
}

async function installCuda(io: CliIO, yes: boolean): Promise<number> {
  const plan = cudaInstallPlan();
  if (typeof plan === 'string') throw new Error(`cannot fetch the CUDA libraries: ${plan}`);
  io.stdout(`This downloads ${plan.source} and copies ${plan.files.join(', ')} into ${plan.binFolder}.\n`);
  if (!yes) {
    if (!process.stdin.isTTY) throw new UsageError('devices install-cuda downloads several hundred MB: run it with --yes to agree');
    const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question('Download now? [y/N] ');
    prompt.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      io.stdout('Nothing was downloaded.\n');
      return 1;
    }
  }
  await runCudaInstall(plan, (text) => io.stderr(text));
  const check = await checkCudaLibraries();
  io.stdout(check.usable ? `CUDA is ready: ${check.detail}.\n` : `The provider libraries are in place, but CUDA cannot run yet: ${check.detail}.\n`);
  return 0;
}
