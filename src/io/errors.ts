/** An input that cannot be analysed: the message names the file (and line, for JSONL) and the reason. */
export class InputError extends Error {
  constructor(
    /** The file as given on the command line, `-` for stdin. */
    readonly file: string,
    readonly reason: string,
    /** 1-based line for JSONL records and encoding errors. */
    readonly line: number | null = null,
  ) {
    super(`${file}${line !== null ? `:${line}` : ''}: ${reason}`);
    this.name = 'InputError';
  }
}

/** A mistake in how the command was called (exit code 2), as opposed to a bad document (exit code 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
