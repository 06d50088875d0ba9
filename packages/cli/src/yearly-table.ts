/**
 * The yearly tables of `endgame run --format table` (the headline and the AI
 * cycle): a column per series, a row per year of the output window.
 */
import type { ScenarioRun } from '@endgame/model';
import { formatTable } from './format-table.js';

/** A column: its title, the series it reads and how the value of month `m` is shown. */
export interface SeriesColumn {
  title: string;
  series: string;
  show: (values: ArrayLike<number>, m: number) => string;
}

/** Month indices shown: the window's first month, every 12 months after, and its last. */
export function yearlyMonths(run: ScenarioRun): number[] {
  const months: number[] = [];
  for (let m = run.window.from; m <= run.window.to; m += 12) months.push(m);
  if (months.at(-1) !== run.window.to) months.push(run.window.to);
  return months;
}

/**
 * The table of `columns` (those whose series the run has) by year, month first; `extra`
 * adds trailing columns (title and cell per month).
 */
export function yearlyTable(
  run: ScenarioRun,
  columns: readonly SeriesColumn[],
  extra: { title: string; cell: (m: number) => string }[] = [],
): string {
  const rows = yearlyMonths(run).map((m) => [
    run.time[m - run.window.from],
    ...columns.map((column) => column.show(run.view.get(column.series)!, m)),
    ...extra.map((e) => e.cell(m)),
  ]);
  const headers = ['month', ...columns.map((column) => column.title), ...extra.map((e) => e.title)];
  return formatTable({ headers, rows, align: headers.map((_, i) => (i === 0 ? 'left' : 'right')) });
}
