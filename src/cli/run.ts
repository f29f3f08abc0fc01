import { parseArgs } from 'node:util';
import { VERSION } from '../core/version';
import { USAGE } from './usage';
import { UsageError } from './usageError';

/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs the command line and returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`longcodezip: ${error.message}\nTry 'longcodezip --help'.\n`);
      return 2;
    }
    io.stderr(`longcodezip: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseStrict(argv);
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (values.help || positionals.length === 0) {
    io.stdout(USAGE);
    return 0;
  }
  throw new UsageError(`unknown command '${positionals[0]}'`);
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (error) {
    // parseArgs explains unknown options well; keep its first sentence, drop Node's hints.
    const message = error instanceof Error ? error.message.split('. ')[0] : String(error);
    throw new UsageError(message.replace(/^Unknown option/, 'unknown option'));
  }
}
