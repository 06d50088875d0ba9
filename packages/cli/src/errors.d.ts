/**
 * How the CLI reports failure: one line on stderr and a non-zero exit code.
 * A stack trace is printed only with `--debug`.
 */
/** Exit codes of `endgame`. */
export declare const EXIT: {
  /** Success. */
  readonly ok: 0;
  /** The model or an input file is wrong (engine errors, unreadable files). */
  readonly input: 1;
  /** The command line is wrong (unknown flag, bad `--set`, missing argument). */
  readonly usage: 2;
  /** A bug in endgame itself. */
  readonly internal: 3;
};
/** An error the CLI itself raises for something the user can fix. */
export declare class CliError extends Error {
  /** Exit code to use. */
  readonly exitCode: number;
  constructor(message: string, exitCode?: number);
}
/** Collapses a possibly multi-line message into one line. */
export declare function oneLine(text: string): string;
/** What a failed read or write of `path` means, in words (`no such file`, `permission denied`, ...). */
export declare function describeFsError(err: unknown): string;
/** The error for an unreadable input file: `cannot read 'x.yaml': no such file`. */
export declare function cannotRead(path: string, err: unknown): CliError;
/**
 * Prints `err` as one line on stderr (plus the stack trace when `debug`) and
 * returns the exit code to use.
 */
export declare function reportError(err: unknown, debug: boolean, write: (text: string) => void): number;
