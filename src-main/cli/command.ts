/** One `vigil` sub-command, in its own module under cli/commands/. */
export interface Command {
  /** One line for `vigil help`. */
  summary: string;
  /** Usage line(s) shown by `vigil help NAME` and on a usage error. */
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** A usage error: main prints its message and the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
