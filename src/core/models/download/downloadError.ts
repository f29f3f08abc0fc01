/** Why a download stopped; each kind has its own fix, so the message names it. */
export type DownloadFailure = 'not-found' | 'http' | 'network' | 'timeout' | 'interrupted' | 'verification' | 'cancelled' | 'offline';

/** A download that did not complete, said in one line: the file, what happened, what to do. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    readonly failure: DownloadFailure,
    message: string,
  ) {
    super(message);
  }
}
