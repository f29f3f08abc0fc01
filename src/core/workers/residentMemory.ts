import { readFile } from 'node:fs/promises';

/**
 * Another process's resident set size, read from /proc without its cooperation (Linux only; other
 * systems offer no cheap way without a native dependency). Undefined when it cannot be read.
 */
export async function readResidentBytes(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a process's resident memory every `everyMs` until stopped; one read at a time. */
export function pollResidentBytes(pid: number, everyMs: number, onSample: (bytes: number) => void): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const sample = async () => {
    const bytes = await readResidentBytes(pid);
    if (stopped) return;
    if (bytes !== undefined) onSample(bytes);
    timer = setTimeout(sample, everyMs);
    timer.unref();
  };
  void sample();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
