/**
 * What a report is built from and what it is: the runs (and optional Monte
 * Carlo percentiles) in, Markdown + SVG files + one HTML page out. Plain data,
 * so the CLI and the web app build the same report from the same inputs.
 */
import type { ScenarioRun } from '@endgame/model';

/** Percentiles of one series from a Monte Carlo: one value per solved month (index 0 = month 1). */
export interface ReportPercentiles {
  p5: (number | null)[];
  p25: (number | null)[];
  p50: (number | null)[];
  p75: (number | null)[];
  p95: (number | null)[];
}

/** Monte Carlo fan bands for the scenario's charts (from `@endgame/analysis`'s `monteCarlo`). */
export interface ReportMonteCarlo {
  runs: number;
  seed: number;
  /** Per series, its percentiles per solved month. */
  percentiles: Record<string, ReportPercentiles>;
}

/** Makes a fresh DOM document for the chart renderer: linkedom in Node, `document.implementation` in a browser. */
export type CreateDocument = () => Document;

/** Everything {@link buildReport} needs. */
export interface ReportInput {
  /** The scenario reported on (from `runScenario`). */
  run: ScenarioRun;
  /** The run it is compared with (`--compare`); charts draw it as a second line. */
  compare?: ScenarioRun;
  /** Monte Carlo percentiles of the scenario (`--mc N`): fan bands on the charts. */
  mc?: ReportMonteCarlo;
  /** The exact command that reproduces this report (see `reproduceCommand`). */
  command: string;
  /** When the report was made (ISO 8601). */
  runDate: string;
  /** Version of endgame that made it. */
  version: string;
  createDocument: CreateDocument;
}

/** A finished report. */
export interface Report {
  /** Base name of the files: `<name>.md`, `<name>.html`, `<name>-<chart>.svg`. */
  name: string;
  /** The note: YAML front matter, then the sections; images link the SVG files by relative name. */
  markdown: string;
  /** One self-contained HTML page (SVGs inlined, minimal light/dark CSS). */
  html: string;
  /** The chart files, by file name (`citrini-2028-unemployment.svg` → SVG text). */
  files: Record<string, string>;
}
