/** What the user changes when the remote scorer fails: the part of its configuration that is wrong. */
export type RemoteFix = 'apiKey' | 'endpoint' | 'model' | 'tokenizerFolder' | 'hostConsent';

/** Why the remote scorer cannot answer, in one line: the server, what went wrong, what to do. */
export class RemoteScorerError extends Error {
  override readonly name = 'RemoteScorerError';
  constructor(
    message: string,
    /** Set when one part of the configuration is the likely fix (the editor offers to change it); absent for a busy or failing server. */
    readonly fix?: RemoteFix,
  ) {
    super(message);
  }
}
