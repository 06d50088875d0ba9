/**
 * Which charts a report draws and the data behind each: the headline series
 * of the scenario, the comparison run as a second line, and Monte Carlo fan
 * bands (5–95 % and 25–75 %) when the report has them.
 */
import type { ScenarioRun } from '@endgame/model';
import { monthOf } from '@endgame/model';
import type { ReportMonteCarlo } from './types.js';

/** A headline chart: the series it draws and how its values are shown. */
export interface ChartSpec {
  /** File-name part: `<report>-<id>.svg`. */
  id: string;
  series: string;
  title: string;
  /** The y axis label (with the unit as shown). */
  axis: string;
  /** Multiply values by this before drawing (100 for rates shown in %). */
  scale: number;
}

/** The headline charts, in report order; a chart whose series the run lacks is left out. */
export const HEADLINE_CHARTS: readonly ChartSpec[] = [
  { id: 'unemployment', series: 'unemployment_rate', title: 'Unemployment rate', axis: '%', scale: 100 },
  { id: 'gdp', series: 'gdp_real', title: 'Real GDP', axis: 'USD bn/yr, 2026-01 prices', scale: 1 },
  { id: 'equity', series: 'equity_index', title: 'Equity index', axis: 'points (S&P 500 scale)', scale: 1 },
  { id: 'house-prices', series: 'house_price_index', title: 'House prices', axis: 'index, 2026-01 = 100', scale: 1 },
  {
    id: 'delinquency',
    series: 'mortgage_delinquency_rate',
    title: 'Mortgage delinquency rate',
    axis: '%',
    scale: 100,
  },
  { id: 'policy-rate', series: 'policy_rate', title: 'Policy rate', axis: '%', scale: 100 },
];

/** One point of a line. */
export interface LinePoint {
  date: Date;
  value: number;
}

/** One point of a fan band. */
export interface BandPoint {
  date: Date;
  low: number;
  high: number;
}

/** What a line chart draws. */
export interface LineChartData {
  spec: ChartSpec;
  /** The scenario's name and line. */
  run: { name: string; points: LinePoint[] };
  compare?: { name: string; points: LinePoint[] };
  /** Fan bands of the scenario: outer (5–95 %) and inner (25–75 %), with the number of runs. */
  bands?: { outer: BandPoint[]; inner: BandPoint[]; runs: number };
}

/** `"YYYY-MM"` as the first instant of that month (UTC). */
export function monthDate(month: string): Date {
  const [year, mon] = month.split('-').map(Number);
  return new Date(Date.UTC(year, mon - 1, 1));
}

function linePoints(run: ScenarioRun, spec: ChartSpec): LinePoint[] | undefined {
  const values = run.view.get(spec.series);
  if (!values) return undefined;
  const points: LinePoint[] = [];
  for (let m = 1; m <= run.view.months; m++) {
    if (Number.isFinite(values[m]))
      points.push({ date: monthDate(monthOf(run.view, m)), value: values[m] * spec.scale });
  }
  return points;
}

function band(run: ScenarioRun, spec: ChartSpec, low: (number | null)[], high: (number | null)[]): BandPoint[] {
  const points: BandPoint[] = [];
  const months = Math.min(low.length, high.length, run.view.months);
  for (let i = 0; i < months; i++) {
    const lo = low[i];
    const hi = high[i];
    if (lo === null || hi === null) continue;
    points.push({ date: monthDate(monthOf(run.view, i + 1)), low: lo * spec.scale, high: hi * spec.scale });
  }
  return points;
}

/** The data of each headline chart the scenario has, with the comparison and fan bands where given. */
export function lineChartData(run: ScenarioRun, compare?: ScenarioRun, mc?: ReportMonteCarlo): LineChartData[] {
  const charts: LineChartData[] = [];
  for (const spec of HEADLINE_CHARTS) {
    const points = linePoints(run, spec);
    if (!points) continue;
    const chart: LineChartData = { spec, run: { name: run.name, points } };
    const other = compare && linePoints(compare, spec);
    if (compare && other) chart.compare = { name: compare.name, points: other };
    const p = mc?.percentiles[spec.series];
    if (mc && p) {
      chart.bands = { outer: band(run, spec, p.p5, p.p95), inner: band(run, spec, p.p25, p.p75), runs: mc.runs };
    }
    charts.push(chart);
  }
  return charts;
}
