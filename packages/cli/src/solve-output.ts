/**
 * Renders a solved run as the JSON, CSV or table of ENGINE.md §6. Imports
 * the engine, so commands load this module only when they run.
 */
import { type CompiledModel, RESIDUAL_SERIES, type RunResult } from '@endgame/engine';
import { formatCsv } from './format-csv.js';
import { formatJson } from './format-json.js';
import { formatNumber } from './format-number.js';
import { ELLIPSIS_ROW, formatTable } from './format-table.js';
import { isUserSeries } from './model-input.js';

/** Output formats of `solve`. */
export type SolveFormat = 'json' | 'csv' | 'table';

/** Table limits: rows and columns beyond these are elided with a note. */
export const TABLE_LIMITS = { maxRows: 20, headRows: 10, tailRows: 5, maxColumns: 8 } as const;

/** Names of the series in `result` that users see, in buffer order. */
export function userSeriesNames(compiled: CompiledModel, result: RunResult): string[] {
  const kinds = new Map(compiled.slots.map((slot) => [slot.name, slot.kind]));
  return result.names.filter((name) => isUserSeries(name, kinds.get(name)));
}

/** The `solve` JSON document (ENGINE.md §6) as a plain object. */
export function solveJson(compiled: CompiledModel, result: RunResult): Record<string, unknown> {
  const series: Record<string, number[]> = {};
  for (const name of userSeriesNames(compiled, result)) series[name] = Array.from(result.series(name));
  return {
    model: compiled.name,
    periods: Array.from({ length: result.periods + 1 }, (_, p) => p),
    series,
    iterations: result.iterations.map(({ block, total, max }) => ({ block, total, max })),
    accounting: { max_residual: result.accounting.maxResidual, where: result.accounting.where },
  };
}

/** CSV: header `period,NAME,...`, one row per period 0..N. */
export function solveCsv(compiled: CompiledModel, result: RunResult): string {
  const names = userSeriesNames(compiled, result);
  const columns = names.map((name) => result.series(name));
  const rows: number[][] = [];
  for (let p = 0; p <= result.periods; p++) rows.push([p, ...columns.map((column) => column[p])]);
  return formatCsv(['period', ...names], rows);
}

/** The accounting summary line shown under a table. */
export function accountingLine(result: RunResult): string {
  const { maxResidual, where } = result.accounting;
  return `accounting: max residual ${formatNumber(maxResidual)}${where ? ` (${where})` : ''}`;
}

/**
 * A readable table: periods as rows (the first 10 and last 5 when there are
 * more than 20), the model's variables as columns (the first 8 when there are
 * more), then notes on what was left out and the accounting line.
 */
export function solveTable(compiled: CompiledModel, result: RunResult): string {
  const kinds = new Map(compiled.slots.map((slot) => [slot.name, slot.kind]));
  const variables = userSeriesNames(compiled, result).filter(
    (name) => kinds.get(name) === 'variable' && name !== RESIDUAL_SERIES,
  );
  const shown = variables.slice(0, TABLE_LIMITS.maxColumns);
  const showTime = Array.from(result.time).some((t, p) => t !== p);
  const periodCount = result.periods + 1;
  const periods = pickRows(periodCount);
  const columns = shown.map((name) => result.series(name));
  const rows = periods.map((p) =>
    p < 0
      ? ELLIPSIS_ROW
      : [String(p), ...(showTime ? [formatNumber(result.time[p])] : []), ...columns.map((c) => formatNumber(c[p]))],
  );
  const headers = ['period', ...(showTime ? ['time'] : []), ...shown];
  const title = `${compiled.name}: ${result.periods} periods solved`;
  let text = `${title}\n${formatTable({ headers, rows, align: headers.map(() => 'right') })}`;
  if (periodCount > TABLE_LIMITS.maxRows) {
    text += `(showing periods 0–${TABLE_LIMITS.headRows - 1} and the last ${TABLE_LIMITS.tailRows} of ${periodCount}: use --format csv for all)\n`;
  }
  if (variables.length > shown.length) {
    text += `(${variables.length - shown.length} more: use --format csv)\n`;
  }
  return `${text}${accountingLine(result)}\n`;
}

/** Row indices to show, with −1 marking the elided middle. */
function pickRows(count: number): number[] {
  const all = Array.from({ length: count }, (_, p) => p);
  if (count <= TABLE_LIMITS.maxRows) return all;
  return [...all.slice(0, TABLE_LIMITS.headRows), -1, ...all.slice(count - TABLE_LIMITS.tailRows)];
}

/** Renders `result` in `format`. */
export function renderSolve(format: SolveFormat, compiled: CompiledModel, result: RunResult): string {
  if (format === 'json') return formatJson(solveJson(compiled, result));
  if (format === 'csv') return solveCsv(compiled, result);
  return solveTable(compiled, result);
}
