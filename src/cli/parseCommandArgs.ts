import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError';

/** Strict parsing of one command's flags: an unknown or malformed flag is a usage error. */
export function parseCommandArgs(argv: readonly string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    // parseArgs explains well; keep its first sentence, drop Node's hints.
    const message = error instanceof Error ? error.message.split('. ')[0]! : String(error);
    throw new UsageError(message.replace(/^Unknown option/, 'unknown option'));
  }
}
