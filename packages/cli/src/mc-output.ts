/**
 * `endgame mc --format table`: a Monte Carlo result as a terminal summary —
 * headline percentiles at a few dates, recession probability by year, the
 * chain links most likely to fire, and the strongest correlations.
 */
import type { McTimeAxis, MonteCarloResult } from '@endgame/analysis';
import { CHAIN_LINKS } from '@endgame/model';
import { formatNumber } from './format-number.js';
import { formatTable } from './format-table.js';

/** What the summary shows. */
export interface McSummary {
  /** The scenario's (or model's) name. */
  name: string;
  result: MonteCarloResult;
  axis: McTimeAxis;
  /** Number of uncertain params. */
  uncertain: number;
}

/** Series shown first when kept, in this order. */
const HEADLINE_SERIES = ['unemployment_rate', 'gdp_real', 'cpi_inflation', 'equity_index', 'gov_debt'];

/** Most series in the percentile table. */
const MAX_SERIES = 5;
/** Dates per series in the percentile table. */
const DATES = 5;
/** Correlations shown. */
const TOP = 10;

/** `0.123` → `12.3 %`. */
function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** The label of entry `i` of the time axis: its month, or its model time. */
function dateOf(axis: McTimeAxis, i: number): string {
  return axis.months ? axis.months[i] : formatNumber(axis.time[i]);
}

/** `DATES` entries spread over the run, ending with the last. */
function sampleEntries(count: number): number[] {
  if (count <= DATES) return Array.from({ length: count }, (_, i) => i);
  return [...new Set(Array.from({ length: DATES }, (_, k) => Math.round((count * (k + 1)) / DATES) - 1))];
}

function percentileTable(summary: McSummary): string {
  const { result, axis } = summary;
  const kept = Object.keys(result.percentiles);
  const first = HEADLINE_SERIES.filter((s) => kept.includes(s));
  const shown = [...first, ...kept.filter((s) => !first.includes(s))].slice(0, MAX_SERIES);
  const rows: string[][] = [];
  for (const series of shown) {
    const p = result.percentiles[series];
    sampleEntries(axis.periods.length).forEach((i, k) => {
      const cell = (values: (number | null)[]) => (values[i] === null ? '–' : formatNumber(values[i] as number));
      rows.push([
        k === 0 ? series : '',
        dateOf(axis, i),
        cell(p.p5),
        cell(p.p25),
        cell(p.p50),
        cell(p.p75),
        cell(p.p95),
      ]);
    });
  }
  const more =
    kept.length > shown.length ? `(${kept.length - shown.length} more series in --format json|csv|parquet)\n` : '';
  const table = formatTable({
    headers: ['series', axis.months ? 'month' : 'time', 'p5', 'p25', 'p50', 'p75', 'p95'],
    rows,
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
  });
  return `Percentiles\n${table}${more}`;
}

function recessionTable(result: MonteCarloResult): string {
  const years = Object.entries(result.recession_probability_by_year);
  if (years.length === 0) return '';
  const table = formatTable({
    headers: ['year', 'P(recession)'],
    rows: years.map(([year, p]) => [year, percent(p)]),
    align: ['left', 'right'],
  });
  return `\nRecession probability by year (two falling quarters of real GDP, L13)\n${table}`;
}

function chainTable(result: MonteCarloResult): string {
  const links = Object.entries(result.chain).sort((a, b) => b[1].probability - a[1].probability);
  if (links.length === 0) return '';
  const label = new Map(CHAIN_LINKS.map((l) => [l.id, l.label]));
  const table = formatTable({
    headers: ['link', 'name', 'P(fires)', 'onset p5', 'p50', 'p95'],
    rows: links.map(([id, l]) => [
      id,
      label.get(id) ?? '',
      percent(l.probability),
      l.onset_percentiles.p5 ?? '–',
      l.onset_percentiles.p50 ?? '–',
      l.onset_percentiles.p95 ?? '–',
    ]),
    align: ['left', 'left', 'right', 'left', 'left', 'left'],
  });
  return `\nChain links, most likely first\n${table}`;
}

function correlationTable(result: MonteCarloResult): string {
  const pairs: [string, string, number][] = [];
  for (const [param, row] of Object.entries(result.correlations)) {
    for (const [metric, rho] of Object.entries(row)) if (rho !== null) pairs.push([param, metric, rho]);
  }
  if (pairs.length === 0) return '';
  pairs.sort((a, b) => Math.abs(b[2]) - Math.abs(a[2]) || a[0].localeCompare(b[0]));
  const table = formatTable({
    headers: ['param', 'outcome', 'Spearman ρ'],
    rows: pairs.slice(0, TOP).map(([param, metric, rho]) => [param, metric, rho.toFixed(3)]),
    align: ['left', 'left', 'right'],
  });
  return `\nStrongest correlations (of ${pairs.length})\n${table}`;
}

/** The summary as text. */
export function renderMcTable(summary: McSummary): string {
  const { result } = summary;
  const head = `Monte Carlo of ${summary.name}: ${result.runs} runs, seed ${result.seed}, ${summary.uncertain} uncertain params\n\n`;
  return head + percentileTable(summary) + recessionTable(result) + chainTable(result) + correlationTable(result);
}
