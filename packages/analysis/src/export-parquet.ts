/**
 * A Monte Carlo result as a Parquet file (hyparquet-writer, pure JS, so the
 * browser can use it too): the long table of {@link mcRows}, with the rest of
 * the result (runs, seed, recession probabilities, chain, correlations) as
 * JSON in the file's key-value metadata under `endgame.mc`.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { PERCENTILE_LEVELS } from './chain-probabilities.js';
import { mcRows, whenColumn } from './export-csv.js';
import type { McTimeAxis, MonteCarloResult } from './monte-carlo.js';

/** The metadata key holding the non-tabular part of the result. */
export const MC_PARQUET_METADATA_KEY = 'endgame.mc';

/**
 * `result` as Parquet bytes: columns `series` (string), `period` (int32),
 * `month` (string) or `time` (double), and `p5`…`p95` (double, null where
 * every run failed).
 */
export function mcParquet(result: MonteCarloResult, axis: McTimeAxis): ArrayBuffer {
  const rows = mcRows(result, axis);
  const when = whenColumn(axis);
  const { percentiles: _table, ...rest } = result;
  return parquetWriteBuffer({
    columnData: [
      { name: 'series', data: rows.map((r) => r.series), type: 'STRING', nullable: false },
      { name: 'period', data: Int32Array.from(rows, (r) => r.period), type: 'INT32', nullable: false },
      when === 'month'
        ? { name: 'month', data: rows.map((r) => String(r.when)), type: 'STRING', nullable: false }
        : { name: 'time', data: Float64Array.from(rows, (r) => Number(r.when)), type: 'DOUBLE', nullable: false },
      ...PERCENTILE_LEVELS.map(([key]) => ({
        name: key,
        data: rows.map((r) => r.values[key]),
        type: 'DOUBLE' as const,
      })),
    ],
    kvMetadata: [{ key: MC_PARQUET_METADATA_KEY, value: JSON.stringify(rest) }],
    createdBy: 'endgame',
  });
}
