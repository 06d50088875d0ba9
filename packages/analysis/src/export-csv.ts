/**
 * A Monte Carlo result as a long table (one row per series and period, the
 * five percentiles as columns), shared by the CSV and Parquet exports.
 */
import { PERCENTILE_LEVELS, type PercentileKey } from './chain-probabilities.js';
import type { McTimeAxis, MonteCarloResult } from './monte-carlo.js';

/** One row of the long table. */
export interface McRow {
  series: string;
  /** The engine period the row describes. */
  period: number;
  /** `"YYYY-MM"` for monthly models, else the model time (as the engine's `time`). */
  when: string | number;
  /** Percentiles (null where every run failed). */
  values: Record<PercentileKey, number | null>;
}

/** The column naming a row's date: `month` for monthly models, else `time`. */
export function whenColumn(axis: McTimeAxis): 'month' | 'time' {
  return axis.months ? 'month' : 'time';
}

/** The header of the long table: `series, period, month|time, p5, p25, p50, p75, p95`. */
export function mcHeader(axis: McTimeAxis): string[] {
  return ['series', 'period', whenColumn(axis), ...PERCENTILE_LEVELS.map(([key]) => key)];
}

/** The long table of `result`'s percentiles, series by series in result order, period by period. */
export function mcRows(result: MonteCarloResult, axis: McTimeAxis): McRow[] {
  const rows: McRow[] = [];
  for (const [series, percentiles] of Object.entries(result.percentiles)) {
    axis.periods.forEach((period, i) => {
      const values = {} as Record<PercentileKey, number | null>;
      for (const [key] of PERCENTILE_LEVELS) values[key] = percentiles[key][i] ?? null;
      rows.push({ series, period, when: axis.months ? axis.months[i] : axis.time[i], values });
    });
  }
  return rows;
}

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `result` as CSV (long format, `\n` line ends, trailing newline); empty cells where every run failed. */
export function mcCsv(result: MonteCarloResult, axis: McTimeAxis): string {
  const lines = [mcHeader(axis).join(',')];
  for (const row of mcRows(result, axis)) {
    const cells = [
      csvField(row.series),
      String(row.period),
      String(row.when),
      ...PERCENTILE_LEVELS.map(([key]) => (row.values[key] === null ? '' : String(row.values[key]))),
    ];
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
