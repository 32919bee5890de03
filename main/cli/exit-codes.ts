// Documented in the README ("Exit codes"); scripts in a TRE pipeline rely on them.
export const ExitCode = {
  ok: 0,
  /** A bug or an unexpected failure (disk full, out of memory). */
  internal: 1,
  /** The command line was wrong: unknown command, missing argument, bad option value. */
  usage: 2,
  /** The input could not be used: missing file, bad encoding, malformed CSV, invalid mapping. */
  badInput: 3,
  /** A check failed: verification of a bundle or the audit log found a problem. */
  checkFailed: 4,
  /** Interrupted by the user (Ctrl+C). */
  cancelled: 130,
} as const;
