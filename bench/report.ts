/**
 * Result lines (ENGINE.md §7): one JSON object per line on stdout and in
 * bench/results/<bench>.jsonl (rewritten by each run of that benchmark).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directory of result files (gitignored). */
export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'results');

/** One result line. */
export interface ResultLine {
  bench: string;
  variant: string;
  median_ms: number;
  /** Median time ÷ (equations × periods), in nanoseconds. */
  ns_per_eq_period?: number;
  /** This variant's median ÷ the median of variant `vs`. */
  ratio?: number;
  /** The variant `ratio` divides by. */
  vs?: string;
  runs: number;
  warmups: number;
  equations: number;
  periods: number;
  node: string;
  date: string;
}

/** Fields every line of one benchmark shares. */
export interface LineContext {
  bench: string;
  runs: number;
  warmups: number;
  node?: string;
  date?: string;
}

/** Builds a line, rounding times to 4 significant digits. */
export function resultLine(
  ctx: LineContext,
  fields: { variant: string; median_ms: number; equations: number; periods: number; ratio?: number; vs?: string },
): ResultLine {
  const round = (x: number): number => Number(x.toPrecision(4));
  const line: ResultLine = {
    bench: ctx.bench,
    variant: fields.variant,
    median_ms: round(fields.median_ms),
    ns_per_eq_period: round((fields.median_ms * 1e6) / (fields.equations * fields.periods)),
    runs: ctx.runs,
    warmups: ctx.warmups,
    equations: fields.equations,
    periods: fields.periods,
    node: ctx.node ?? process.version,
    date: ctx.date ?? new Date().toISOString(),
  };
  if (fields.ratio !== undefined) {
    line.ratio = round(fields.ratio);
    line.vs = fields.vs;
  }
  return line;
}

/** Prints lines to stdout and writes them to bench/results/<file>.jsonl. */
export function publish(file: string, lines: readonly ResultLine[]): void {
  const text = lines.map((l) => JSON.stringify(l)).join('\n');
  process.stdout.write(`${text}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${file}.jsonl`), `${text}\n`);
}
