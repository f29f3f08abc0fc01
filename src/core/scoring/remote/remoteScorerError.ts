/** Why the remote scorer cannot answer, in one line: the server, what went wrong, what to do. */
export class RemoteScorerError extends Error {
  override readonly name = 'RemoteScorerError';
}
