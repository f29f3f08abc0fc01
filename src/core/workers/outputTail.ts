import type { Readable } from 'node:stream';

/** Keeps the last `limit` characters a stream produced, to quote when its process dies. */
export function keepTail(stream: Readable, limit = 4096): () => string {
  let tail = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-limit);
  });
  return () => tail;
}

/**
 * The line of a process's error output that says what went wrong. Node ends an uncaught error's report
 * with the stack and its own version ("Node.js v20.20.2"), so the last line is rarely the message.
 */
export function lastErrorLine(output: string): string | undefined {
  const lines = output.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('at ') || /^Node\.js v\d/.test(line)) continue;
    return line.length > 300 ? `${line.slice(0, 300)}…` : line;
  }
  return undefined;
}
