import * as os from 'node:os';
import * as path from 'node:path';
import { ChunkIndex } from '../../core/chunking/chunkIndex';
import { ParsePool } from '../../core/chunking/parsePool';
import { countTokens } from '../../core/tokens/countTokens';
import { WorkspaceFilter } from '../../core/workspace/workspaceFilter';
import type { CliContext, CliIO } from '../cliIO';
import { UsageError } from '../usageError';
import { workspaceRoot } from '../workspaceRoot';
import { parseCommandArgs } from '../parseCommandArgs';

export const CHUNK_USAGE = `longcodezip chunk [PATH...] [--exclude GLOB]... [--format text|json]

Cuts the files under PATH (default: the current folder) into the chunks compression works with:
functions, methods, container headers and footers, declarations and glue. Honours .gitignore; secrets,
binary, minified and oversized files are listed as skipped with the reason.

  --exclude GLOB        leave out files matching GLOB (repeatable)
  --format text|json    text (default): one line per chunk; json: everything, chunk texts included
  --json                short for --format json
`;

export async function chunkCommand(argv: readonly string[], io: CliIO, context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    exclude: { type: 'string', multiple: true },
    format: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CHUNK_USAGE);
    return 0;
  }
  const format = values.json ? 'json' : ((values.format as string | undefined) ?? 'text');
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const paths = positionals.length > 0 ? positionals : ['.'];
  const root = workspaceRoot(paths, context.cwd);
  const filter = new WorkspaceFilter({ root, exclude: (values.exclude as string[] | undefined) ?? [] });
  const pool = new ParsePool({ assetDir: context.assetDir, workers: Math.min(os.availableParallelism(), 8) });
  const started = performance.now();
  try {
    const index = new ChunkIndex(filter, pool);
    const snapshot = await index.build({ paths: paths.map((p) => path.resolve(context.cwd, p)) });
    const millis = Math.round(performance.now() - started);
    if (format === 'json') {
      io.stdout(`${JSON.stringify({ root, files: snapshot.files, skipped: snapshot.skipped, millis }, null, 2)}\n`);
      return 0;
    }
    let chunks = 0;
    let lines = 0;
    for (const file of snapshot.files) {
      const notes = [file.language ?? 'not parsed', `${file.chunks.length} chunks`];
      if (file.parseErrors > 0) notes.push(`${file.parseErrors} syntax errors`);
      if (file.fallbackReason) notes.push(`blank-line blocks: ${file.fallbackReason}`);
      io.stdout(`${file.path} (${notes.join(', ')})\n`);
      for (const chunk of file.chunks) {
        const name = chunk.name ? [chunk.parent, chunk.name].filter(Boolean).join('.') : '';
        const range = `${chunk.startLine}-${chunk.endLine}`.padStart(11);
        io.stdout(`  ${range}  ${chunk.kind.padEnd(16)} ${String(countTokens(chunk.text)).padStart(6)} tok  ${name}\n`);
      }
      chunks += file.chunks.length;
      lines += file.chunks.at(-1)?.endLine ?? 0;
    }
    for (const skipped of snapshot.skipped) io.stdout(`skipped ${skipped.path}: ${skipped.reason}, ${skipped.detail}\n`);
    io.stdout(`${snapshot.files.length} files, ${lines} lines, ${chunks} chunks, ${snapshot.skipped.length} skipped, in ${millis} ms\n`);
    return 0;
  } finally {
    await pool.dispose();
  }
}
