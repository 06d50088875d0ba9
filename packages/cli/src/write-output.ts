/**
 * Where command output goes: `--out FILE` (any writable path, including
 * `/dev/stdout` and `/dev/null`) or, without it, standard output.
 */
import { writeFileSync } from 'node:fs';
import { CliError, describeFsError, EXIT } from './errors.js';

/** Writes `text` to `out` when given, else to stdout. */
export function writeOutput(text: string, out?: string): void {
  if (out === undefined || out === '-' || out === '/dev/stdout') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (err) {
    throw new CliError(`cannot write '${out}': ${describeFsError(err)}`, EXIT.input);
  }
}
