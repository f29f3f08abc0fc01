/** A mistake in how the command was called: exit code 2 and one line on stderr, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
