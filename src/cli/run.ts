import { VERSION } from '../core/version';
import type { CliContext, CliIO } from './cliIO';
import { chunkCommand } from './commands/chunkCommand';
import { compressCommand } from './commands/compressCommand';
import { devicesCommand } from './commands/devicesCommand';
import { modelsCommand } from './commands/modelsCommand';
import { parseCommandArgs } from './parseCommandArgs';
import { USAGE } from './usage';
import { UsageError } from './usageError';

const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const COMMANDS: Record<string, (argv: readonly string[], io: CliIO, context: CliContext) => Promise<number>> = {
  chunk: chunkCommand,
  compress: compressCommand,
  devices: devicesCommand,
  models: modelsCommand,
};

/** Runs the command line and returns the exit status. */
export async function runCli(
  argv: readonly string[],
  io: CliIO = processIO,
  context: CliContext = { cwd: process.cwd(), assetDir: __dirname },
): Promise<number> {
  try {
    const command = argv[0] !== undefined && !argv[0].startsWith('-') ? COMMANDS[argv[0]] : undefined;
    if (command) return await command(argv.slice(1), io, context);
    return globalFlags(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`longcodezip: ${error.message}\nTry 'longcodezip --help'.\n`);
      return 2;
    }
    io.stderr(`longcodezip: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function globalFlags(argv: readonly string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(argv, {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' },
  });
  if (positionals.length > 0) throw new UsageError(`unknown command '${positionals[0]}'`);
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  io.stdout(USAGE);
  return 0;
}
