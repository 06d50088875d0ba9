/** The exact `endgame report` command line that reproduces a report (the CLI and the web app print the same). */

/** What a report was made from. */
export interface ReproduceOptions {
  input: string;
  compare?: string;
  /** `--set` overrides, in order. */
  set?: Record<string, number>;
  mc?: { runs: number; seed: number };
  html?: boolean;
  out?: string;
}

/** `text` quoted for a POSIX shell when it holds anything but safe characters. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** `npx endgame report INPUT [--compare X] [--set a=1 ...] [--mc N --seed S] [--html] --out DIR`. */
export function reproduceCommand(options: ReproduceOptions): string {
  const parts = ['npx', 'endgame', 'report', shellQuote(options.input)];
  if (options.compare) parts.push('--compare', shellQuote(options.compare));
  for (const [name, value] of Object.entries(options.set ?? {})) parts.push('--set', shellQuote(`${name}=${value}`));
  if (options.mc) parts.push('--mc', String(options.mc.runs), '--seed', String(options.mc.seed));
  if (options.html) parts.push('--html');
  parts.push('--out', shellQuote(options.out ?? 'out/'));
  return parts.join(' ');
}
