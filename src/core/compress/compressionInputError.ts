/** A mistake in what the user asked for (a bad cursor, pins over the budget): the CLI exits with 2. */
export class CompressionInputError extends Error {
  override readonly name = 'CompressionInputError';
}
