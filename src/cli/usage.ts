/** What a CLI command returns: the process exit code and what to print. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr?: string;
}

/** A mistake in the command line: reported in Vietnamese with the usage, exit code 2. */
export class UsageError extends Error {}
