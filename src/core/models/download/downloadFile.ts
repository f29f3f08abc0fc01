import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describeSize } from '../../workspace/describeSize';
import { parseContentRange, type AnnouncedContent } from './announcedContent';
import { startContentHash } from './contentHash';
import { DownloadError } from './downloadError';
import { getFollowingRedirects, seconds, type FileResponse } from './followRedirects';

/** How far one file's download is. */
export interface ByteProgress {
  readonly receivedBytes: number;
  /** Unknown only when the server states no size. */
  readonly totalBytes?: number;
  /** Bytes that a `.part` file from an earlier, interrupted run already held. */
  readonly resumedFromBytes: number;
}

export interface DownloadFileOptions {
  readonly url: string;
  /** Where the file goes once verified; `<destination>.part` holds it until then. */
  readonly destination: string;
  /** How the file is named in messages. */
  readonly label: string;
  readonly signal?: AbortSignal;
  /** Default 30 s. */
  readonly idleTimeoutMs?: number;
  readonly onProgress?: (progress: ByteProgress) => void;
}

/** How a downloaded file was checked: against the server's sha256 or git blob id, or its size alone. */
export type Verification = 'sha256' | 'git-sha1' | 'size';

export interface DownloadedFile {
  readonly bytes: number;
  readonly verifiedBy: Verification;
  readonly etag?: string;
  readonly commit?: string;
  readonly resumedFromBytes: number;
}

/** What a `.part` file was started for, so that a resume never splices two versions of a file. */
interface PartRecord {
  readonly etag?: string;
  readonly size?: number;
}

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/**
 * Downloads one file into `<destination>.part`, resuming an earlier `.part` with an HTTP Range request,
 * checks it against the size and hash the server announced, and only then renames it into place.
 * An interrupted or cancelled download leaves the `.part` for the next run; a file that fails its check
 * is deleted. Throws DownloadError.
 */
export async function downloadFile(options: DownloadFileOptions): Promise<DownloadedFile> {
  const part = `${options.destination}.part`;
  const recordFile = `${part}.json`;
  await fsp.mkdir(path.dirname(options.destination), { recursive: true });
  let from = await resumableBytes(part, recordFile);
  // A second attempt only when the `.part` turns out not to be resumable (another version, range ignored).
  for (let attempt = 0; attempt < 2; attempt++) {
    const got = await getFollowingRedirects(options.url, {
      label: options.label,
      fromByte: from,
      idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      ...(options.signal && { signal: options.signal }),
    });
    const plan = await planWrite(got, from, recordFile);
    if (plan === 'restart') {
      got.response.destroy();
      await discardPart(part, recordFile);
      from = 0;
      continue;
    }
    await writeRecord(recordFile, { etag: got.announced.etag, size: plan.expectedSize });
    const received = plan.complete ? from : await receive(got, part, plan.start, plan.expectedSize, options);
    return await verifyAndInstall(part, recordFile, received, plan.expectedSize, got.announced, options, plan.start);
  }
  throw new DownloadError('http', `${options.label}: the server does not resume downloads consistently; delete ${part} and pull again`);
}

interface WritePlan {
  /** The byte the response body starts at (0 when the server sent the whole file). */
  readonly start: number;
  readonly expectedSize?: number;
  /** The `.part` already holds every byte (the server answered 416 to a range at its end). */
  readonly complete: boolean;
}

async function planWrite(got: FileResponse, from: number, recordFile: string): Promise<WritePlan | 'restart'> {
  const { response, announced } = got;
  if (from > 0) {
    const started = await readRecord(recordFile);
    const sameVersion =
      started !== undefined &&
      (started.etag === undefined || announced.etag === undefined || started.etag === announced.etag) &&
      (started.size === undefined || announced.size === undefined || started.size === announced.size);
    if (!sameVersion) return 'restart';
  }
  const range = parseContentRange(header(response.headers['content-range']));
  if (response.statusCode === 416) {
    response.resume();
    const size = announced.size ?? range.total;
    return from > 0 && size === from ? { start: from, expectedSize: size, complete: true } : 'restart';
  }
  if (response.statusCode === 206) {
    if (range.start !== from) return 'restart';
    return { start: from, expectedSize: announced.size ?? range.total, complete: false };
  }
  const length = header(response.headers['content-length']);
  const bodySize = length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
  return { start: 0, expectedSize: announced.size ?? bodySize, complete: false };
}

/**
 * Writes the body into the `.part` (appending from `start`), each chunk on disk before the next is read,
 * so that a cancelled or broken download keeps every byte it reported. Returns the `.part`'s size.
 */
async function receive(got: FileResponse, part: string, start: number, expectedSize: number | undefined, options: DownloadFileOptions): Promise<number> {
  let received = start;
  const report = () => options.onProgress?.({ receivedBytes: received, resumedFromBytes: start, ...(expectedSize !== undefined && { totalBytes: expectedSize }) });
  const file = await fsp.open(part, start > 0 ? 'a' : 'w');
  try {
    report();
    for await (const chunk of got.response) {
      await file.write(chunk as Buffer);
      received += (chunk as Buffer).length;
      report();
      if (options.signal?.aborted) break;
    }
    if (options.signal?.aborted) throw options.signal.reason;
  } catch (error) {
    got.response.destroy();
    const sofar = `${describeSize(received)}${expectedSize !== undefined ? ` of ${describeSize(expectedSize)}` : ''}`;
    if (options.signal?.aborted) throw new DownloadError('cancelled', `${options.label}: cancelled after ${sofar}; pull again to resume`);
    if (got.timedOut()) {
      const idle = seconds(options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS);
      throw new DownloadError('timeout', `${options.label}: ${got.host} sent nothing for ${idle} after ${sofar}; pull again to resume`);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if ((error as NodeJS.ErrnoException).syscall === 'write') throw new Error(`cannot write ${part}: ${code ?? (error as Error).message}`);
    throw new DownloadError('interrupted', `${options.label}: the connection to ${got.host} broke after ${sofar}; pull again to resume`);
  } finally {
    await file.close();
  }
  return received;
}

async function verifyAndInstall(
  part: string,
  recordFile: string,
  received: number,
  expectedSize: number | undefined,
  announced: AnnouncedContent,
  options: DownloadFileOptions,
  resumedFromBytes: number,
): Promise<DownloadedFile> {
  if (expectedSize !== undefined && received < expectedSize) {
    throw new DownloadError('interrupted', `${options.label}: the server stopped after ${describeSize(received)} of ${describeSize(expectedSize)}; pull again to resume`);
  }
  const corrupt = async (what: string) => {
    await discardPart(part, recordFile);
    return new DownloadError('verification', `${options.label}: the download ${what}; it was deleted, pull again to download it anew`);
  };
  if (expectedSize !== undefined && received > expectedSize) {
    throw await corrupt(`is ${describeSize(received)}, larger than the ${describeSize(expectedSize)} the server announced`);
  }
  const hash = announced.hash && (announced.hash.algorithm === 'sha256' || expectedSize !== undefined) ? announced.hash : undefined;
  if (hash) {
    const digest = startContentHash(hash.algorithm, received);
    for await (const chunk of fs.createReadStream(part)) digest.update(chunk as Buffer);
    const actual = digest.digest('hex');
    if (actual !== hash.hex) throw await corrupt(`does not match the server's ${hash.algorithm} (expected ${hash.hex}, got ${actual})`);
  }
  const handle = await fsp.open(part, 'r+');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await fsp.rename(part, options.destination);
  await fsp.rm(recordFile, { force: true });
  return {
    bytes: received,
    verifiedBy: hash ? hash.algorithm : 'size',
    resumedFromBytes,
    ...(announced.etag !== undefined && { etag: announced.etag }),
    ...(announced.commit !== undefined && { commit: announced.commit }),
  };
}

/** The size of a `.part` that can be resumed: one with the record of what it was started for. */
async function resumableBytes(part: string, recordFile: string): Promise<number> {
  const [partStat, record] = await Promise.all([fsp.stat(part).catch(() => undefined), readRecord(recordFile)]);
  if (partStat === undefined || record === undefined) {
    await discardPart(part, recordFile);
    return 0;
  }
  return partStat.size;
}

async function readRecord(recordFile: string): Promise<PartRecord | undefined> {
  try {
    const raw = JSON.parse(await fsp.readFile(recordFile, 'utf8')) as Record<string, unknown>;
    return {
      ...(typeof raw.etag === 'string' && { etag: raw.etag }),
      ...(typeof raw.size === 'number' && { size: raw.size }),
    };
  } catch {
    return undefined;
  }
}

async function writeRecord(recordFile: string, record: PartRecord): Promise<void> {
  await fsp.writeFile(recordFile, JSON.stringify(record));
}

async function discardPart(part: string, recordFile: string): Promise<void> {
  await Promise.all([fsp.rm(part, { force: true }), fsp.rm(recordFile, { force: true })]);
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
