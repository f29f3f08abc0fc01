/** What went wrong talking to a chat endpoint, for the caller to offer the right fix. */
export type ChatEndpointProblem = 'invalid-endpoint' | 'auth' | 'not-found' | 'rate-limited' | 'server' | 'bad-request' | 'timeout' | 'unreachable' | 'malformed';

/** A chat endpoint failed: one sentence that says what happened and what to check. */
export class ChatEndpointError extends Error {
  override readonly name = 'ChatEndpointError';

  constructor(
    message: string,
    readonly problem: ChatEndpointProblem,
    readonly status?: number,
  ) {
    super(message);
  }
}
