/**
 * The AI-infrastructure part of the `run` table (MODEL.md §7): a yearly table of the AI cycle
 * (hyperscaler capex and its power share, compute deployed, data-centre GW, memory price, chip
 * inventory, the AI-complex index, the Minsky classes) and one line of dated turning points
 * (capex peak and trough, memory-price peak and fall, the inventory build-up, the AI-complex
 * crash). Shown only when the model has these series.
 */
import type { ScenarioRun } from '@endgame/model';
import { yearOnYear } from '@endgame/model';
import { formatNumber } from './format-number.js';
import { type SeriesColumn, yearlyTable } from './yearly-table.js';

const level = (value: number): string => formatNumber(Number(value.toPrecision(4)));
const months = (value: number): string => value.toFixed(1);
const at = (show: (value: number) => string) => (values: ArrayLike<number>, m: number) => show(values[m]);
const share = at((value) => `${(value * 100).toFixed(0)} %`);
const growth = (values: ArrayLike<number>, m: number): string => `${(yearOnYear(values, m) * 100).toFixed(0)} %`;

/** Sectors whose Minsky class the table shows, in order, with their short labels. */
export const MINSKY_SECTORS: readonly [string, string][] = [
  ['hyperscalers', 'hs'],
  ['neoclouds', 'neo'],
  ['ai_apps', 'apps'],
  ['firms', 'firms'],
  ['hh_top', 'top'],
  ['hh_pro', 'pro'],
  ['hh_work', 'work'],
];

/** The columns of the AI-cycle table, in order. */
export const AI_COLUMNS: readonly SeriesColumn[] = [
  { title: 'capex', series: 'hyperscaler_capex', show: at(level) },
  { title: 'to power', series: 'hs_capex_power_share', show: share },
  { title: 'compute', series: 'compute_deployed', show: at(level) },
  { title: 'compute y/y', series: 'compute_deployed', show: growth },
  { title: 'DC GW', series: 'dc_power_gw', show: at(level) },
  { title: 'memory', series: 'memory_price_index', show: at(level) },
  { title: 'chip inv (m)', series: 'chip_inventory_months', show: at(months) },
  { title: 'AI index', series: 'equity_index_ai', show: at(level) },
  { title: 'AI rev gap', series: 'ai_revenue_gap', show: at(level) },
];

/** The Minsky classes of a month as "hs/neo/apps/firms/top/pro/work", `-` for a missing sector. */
function minskyCell(run: ScenarioRun, m: number): string {
  return MINSKY_SECTORS.map(([sector]) => {
    const values = run.view.get(`minsky_${sector}`);
    return values ? String(values[m]) : '-';
  }).join('/');
}

/**
 * The first cycle's peak: the largest value before the first fall of at least `drop` from the
 * running peak (the whole window when there is none), and the lowest value after it.
 */
function firstCycle(values: ArrayLike<number>, run: ScenarioRun, drop: number): { peak: number; trough: number } {
  let peak = run.window.from;
  for (let m = run.window.from; m <= run.window.to; m++) {
    if (values[m] > values[peak]) peak = m;
    else if (values[m] < (1 - drop) * values[peak]) break;
  }
  let trough = peak;
  for (let m = peak; m <= run.window.to; m++) {
    if (values[m] < values[trough]) trough = m;
    if (values[m] > values[peak]) break;
  }
  return { peak, trough };
}

const monthAt = (run: ScenarioRun, m: number): string => run.time[m - run.window.from];
const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)} %`;

/** One line of dated turning points of the AI cycle, or null when the model lacks the series. */
export function aiCycleLine(run: ScenarioRun): string | null {
  const capex = run.view.get('hyperscaler_capex');
  if (!capex) return null;
  const pieces: string[] = [];
  const cycle = (label: string, values: ArrayLike<number> | undefined) => {
    if (!values) return;
    const { peak, trough } = firstCycle(values, run, 0.1);
    const fall = values[trough] / values[peak] - 1;
    pieces.push(
      `${label} peak ${level(values[peak])} (${monthAt(run, peak)}), low ${level(values[trough])} (${monthAt(run, trough)}, ${pct(fall)})`,
    );
  };
  cycle('capex', capex);
  cycle('memory', run.view.get('memory_price_index'));
  cycle('AI index', run.view.get('equity_index_ai'));
  const inv = run.view.get('chip_inventory_months');
  if (inv) {
    const capexPeak = firstCycle(capex, run, 0.1).peak;
    let top = capexPeak;
    for (let m = capexPeak; m <= run.window.to; m++) if (inv[m] > inv[top]) top = m;
    pieces.push(
      `chip inventory ${months(inv[capexPeak])} months of orders at the capex peak, ${months(inv[top])} (${monthAt(run, top)})`,
    );
  }
  return `AI cycle: ${pieces.join('; ')}`;
}

/** The yearly AI-cycle table, or null when the model has none of its series. */
export function aiCycleTable(run: ScenarioRun): string | null {
  const columns = AI_COLUMNS.filter((column) => run.view.get(column.series) !== undefined);
  if (columns.length === 0) return null;
  const hasMinsky = MINSKY_SECTORS.some(([sector]) => run.view.get(`minsky_${sector}`) !== undefined);
  const minskyTitle = `Minsky ${MINSKY_SECTORS.map(([, label]) => label).join('/')}`;
  return yearlyTable(run, columns, hasMinsky ? [{ title: minskyTitle, cell: (m) => minskyCell(run, m) }] : []);
}
