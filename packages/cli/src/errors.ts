/**
 * How the CLI reports failure: one line on stderr and a non-zero exit code.
 * A stack trace is printed only with `--debug`.
 */

/** Exit codes of `endgame`. */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The model or an input file is wrong (engine errors, unreadable files). */
  input: 1,
  /** The command line is wrong (unknown flag, bad `--set`, missing argument). */
  usage: 2,
  /** A bug in endgame itself. */
  internal: 3,
} as const;

/** An error the CLI itself raises for something the user can fix. */
export class CliError extends Error {
  /** Exit code to use. */
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT.input) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Collapses a possibly multi-line message into one line. */
export function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(' ');
}

/** What a failed read or write of `path` means, in words (`no such file`, `permission denied`, ...). */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/** The error for an unreadable input file: `cannot read 'x.yaml': no such file`. */
export function cannotRead(path: string, err: unknown): CliError {
  return new CliError(`cannot read '${path}': ${describeFsError(err)}`, EXIT.input);
}

/** Shape of an engine error, checked structurally so this module never imports the engine eagerly. */
interface EngineErrorLike {
  name: string;
  code: string;
  message: string;
}

function isEngineError(err: unknown): err is EngineErrorLike {
  return err instanceof Error && err.name === 'EngineError' && typeof (err as { code?: unknown }).code === 'string';
}

/**
 * The errors of our other packages that describe the user's input, by class name (matched by
 * name, so this module imports none of them), with their exit code: a store that cannot be
 * opened or read, a bad sweep spec, a bad `--redis` URL.
 */
const INPUT_ERRORS: Readonly<Record<string, number>> = {
  StoreError: EXIT.input,
  SweepSpecError: EXIT.input,
  RedisUrlError: EXIT.usage,
};

/**
 * Prints `err` as one line on stderr (plus the stack trace when `debug`) and
 * returns the exit code to use.
 */
export function reportError(err: unknown, debug: boolean, write: (text: string) => void): number {
  let line: string;
  let exitCode: number;
  if (err instanceof CliError) {
    line = err.message;
    exitCode = err.exitCode;
  } else if (isEngineError(err)) {
    line = `${err.message} [${err.code}]`;
    exitCode = EXIT.input;
  } else if (err instanceof Error && Object.hasOwn(INPUT_ERRORS, err.name)) {
    line = err.message;
    exitCode = INPUT_ERRORS[err.name];
  } else {
    const message = err instanceof Error ? err.message : String(err);
    line = `internal error: ${message}${debug ? '' : ' (run with --debug for a stack trace)'}`;
    exitCode = EXIT.internal;
  }
  write(`endgame: ${oneLine(line)}\n`);
  if (debug && err instanceof Error && err.stack) write(`${err.stack}\n`);
  return exitCode;
}
