/**
 * Renders a finished `run` as the JSON of ENGINE.md §6, as CSV (one row per
 * month), or as a readable table: a yearly headline of key series, the AI
 * cycle (when the model has it) and the chain trace.
 */
import type { ChainLinkResult, ScenarioRun } from '@endgame/model';
import { monthOf, yearOnYear } from '@endgame/model';
import { formatCsv } from './format-csv.js';
import { formatJson } from './format-json.js';
import { formatNumber } from './format-number.js';
import { formatTable } from './format-table.js';
import type { RunFormat } from './run.js';
import { aiCycleLine, aiCycleTable } from './run-ai-cycle.js';
import { type HouseholdRun, householdsJson, householdsTable } from './run-households.js';
import { valueSections } from './run-value-output.js';
import { type SeriesColumn, yearlyTable } from './yearly-table.js';

/** The `run` JSON document (ENGINE.md §6) as a plain object. */
export function runJson(run: ScenarioRun): Record<string, unknown> {
  const initial: Record<string, number> = {};
  const series: Record<string, number[]> = {};
  for (const name of run.seriesNames) {
    const values = run.view.get(name);
    if (!values) continue;
    initial[name] = values[0];
    series[name] = Array.from({ length: run.window.to - run.window.from + 1 }, (_, i) => values[run.window.from + i]);
  }
  return {
    scenario: run.name,
    time: run.time,
    initial,
    series,
    summary: run.summary,
    chain: run.chain,
    scorecard: run.scorecard,
    accounting: { max_residual: run.result.accounting.maxResidual, where: run.result.accounting.where },
  };
}

/** CSV: header `time,NAME,...`, one row per month of the window (household series after the model's). */
export function runCsv(run: ScenarioRun, micro?: HouseholdRun): string {
  const modelNames = run.seriesNames.filter((name) => run.view.get(name) !== undefined);
  const microNames = micro ? Object.keys(micro.result.series).map((name) => `households.${name}`) : [];
  const names = [...modelNames, ...microNames];
  const columns: ArrayLike<number>[] = [
    ...modelNames.map((name) => run.view.get(name)!),
    ...(micro ? Object.values(micro.result.series) : []),
  ];
  const rows = run.time.map((month, i) => [month, ...columns.map((values) => values[run.window.from + i])]);
  return formatCsv(['time', ...names], rows);
}

/** A headline column: its title, the series it reads and how a value is shown. */

const percent = (value: number): string => (Number.isFinite(value) ? `${(value * 100).toFixed(2)} %` : String(value));
const level = (values: ArrayLike<number>, m: number): string => formatNumber(Number(values[m].toPrecision(6)));
const rate = (values: ArrayLike<number>, m: number): string => percent(values[m]);

/** The series of the headline table, in order. */
export const HEADLINE: readonly SeriesColumn[] = [
  { title: 'unemployment', series: 'unemployment_rate', show: rate },
  { title: 'real GDP y/y', series: 'gdp_real', show: (values, m) => percent(yearOnYear(values, m)) },
  { title: 'equity index', series: 'equity_index', show: level },
  { title: 'house prices', series: 'house_price_index', show: level },
  { title: 'delinquency', series: 'mortgage_delinquency_rate', show: rate },
  { title: 'policy rate', series: 'policy_rate', show: rate },
];

function headlineTable(run: ScenarioRun): string {
  const columns = HEADLINE.filter((column) => run.view.get(column.series) !== undefined);
  const absent = HEADLINE.filter((column) => run.view.get(column.series) === undefined).map((c) => c.series);
  const table = yearlyTable(run, columns);
  return absent.length > 0 ? `${table}(not in this model: ${absent.join(', ')})\n` : table;
}

function chainCell(value: number | null): string {
  return value === null ? '' : formatNumber(Number(value.toPrecision(4)));
}

function chainTable(chain: readonly ChainLinkResult[]): string {
  const headers = ['link', 'what', 'onset', 'lag', 'peak', 'peak date', 'baseline at onset', 'note'];
  const rows = chain.map((link) => [
    link.id,
    link.label,
    link.onset ?? '—',
    link.lag_months === null ? '' : String(link.lag_months),
    chainCell(link.peak),
    link.peak_date ?? '',
    chainCell(link.baseline_value_at_onset),
    link.missing ? `missing: ${link.missing.join(', ')}` : '',
  ]);
  return formatTable({ headers, rows, align: ['left', 'left', 'left', 'right', 'right', 'left', 'right', 'left'] });
}

/** `value` as a percentage with its month, or null when unknown. */
function atMonth(value: number | null, month: string | null): string | null {
  if (value === null) return null;
  return month ? `${percent(value)} (${month})` : percent(value);
}

/** The summary in a few `name: value` pieces, on one line. */
export function summaryLine(run: ScenarioRun): string {
  const s = run.summary;
  const pieces: [string, string | null][] = [
    ['unemployment peak', atMonth(s.unemployment_peak, s.unemployment_peak_date)],
    ['real GDP max drawdown', atMonth(s.gdp_real_max_drawdown, s.gdp_real_trough_date)],
    ['equity max drawdown', atMonth(s.equity_max_drawdown, s.equity_trough_date)],
  ];
  if (s.recession_start) pieces.push(['recession from', s.recession_start]);
  else if (s.gdp_real_max_drawdown !== null) pieces.push(['no recession', '']);
  if (s.chain_broken_after !== undefined) pieces.push(['chain broken after', s.chain_broken_after ?? 'not broken']);
  if (s.fiscal_cost_usd_bn !== undefined && s.fiscal_cost_usd_bn !== null) {
    pieces.push(['fiscal cost', `${formatNumber(Math.round(s.fiscal_cost_usd_bn))} USD bn (2026–2030)`]);
  }
  const shown = pieces.filter((piece): piece is [string, string] => piece[1] !== null);
  return `summary: ${shown.map(([name, value]) => `${name} ${value}`.trim()).join('; ') || 'no headline series in this model'}`;
}

/** The readable report: title, headline series, summary, chain trace, scorecard count and accounting. */
export function runTable(run: ScenarioRun): string {
  const first = run.time[0];
  const last = run.time[run.time.length - 1];
  const fired = run.chain.filter((link) => link.onset !== null).length;
  const parts = [
    `${run.name}: ${run.description || '(no description)'}`.trim(),
    `${first}..${last} (${run.time.length} months), key series at yearly steps:`,
    '',
    headlineTable(run),
    summaryLine(run),
    '',
  ];
  const aiTable = aiCycleTable(run);
  if (aiTable) {
    parts.push(
      'AI-infrastructure cycle (capex USD bn/yr, share to power and buildings, compute units, GW, memory and AI index; Minsky 0 hedge, 1 speculative, 2 Ponzi):',
      aiTable,
      aiCycleLine(run) ?? '',
      '',
    );
  }
  parts.push(
    `chain trace: ${fired} of ${run.chain.length} links fired (onset = first month of a 3-month run; lag in months from the first onset)`,
    chainTable(run.chain),
  );
  const value = valueSections(run);
  if (value.length > 0) parts.push(...value.flatMap((section) => [section.trimEnd(), '']));
  if (run.scorecard.length > 0) {
    const inside = run.scorecard.filter((entry) => entry.inside === true).length;
    const scored = run.scorecard.filter((entry) => entry.inside !== null).length;
    parts.push(
      `scorecard: ${inside} of ${scored} scored targets inside their band (details: endgame scorecard ${run.name})`,
    );
  }
  const { maxResidual, where } = run.result.accounting;
  parts.push(`accounting: max residual ${formatNumber(maxResidual)}${where ? ` (${where})` : ''}`);
  return `${parts.join('\n')}\n`;
}

/**
 * Renders `run` in `format`; with `micro` (a `--households` run) the JSON
 * gains a `households` member, the CSV the household series, the table the
 * distribution summary after the chain trace.
 */
export function renderRun(format: RunFormat, run: ScenarioRun, micro?: HouseholdRun): string {
  if (format === 'json') {
    const doc = runJson(run);
    return formatJson(micro ? { ...doc, households: householdsJson(micro, run.window) } : doc);
  }
  if (format === 'csv') return runCsv(run, micro);
  const table = runTable(run);
  return micro ? `${table}\n${householdsTable(micro, (m) => monthOf(run.view, m))}` : table;
}
