/**
 * The value-capture part of the `run` table (MODEL.md §8): the Kalecki profit
 * decomposition (who absorbs the income), the income shares at t0 and at the
 * end of the window, and who paid for a UBI.
 */
import type { ScenarioRun } from '@endgame/model';
import { formatNumber } from './format-number.js';
import { formatTable } from './format-table.js';

const bn = (value: number): string => formatNumber(Math.round(value));
const SHARES = ['labor', 'profits_nonai', 'profits_ai', 'energy', 'interest', 'gov'] as const;

function kaleckiSection(run: ScenarioRun): string | undefined {
  const rows = run.summary.kalecki;
  if (!rows || rows.length === 0) return undefined;
  const headers = [
    'month',
    'profits',
    '= investment',
    '+ gov deficit',
    '+ current acct',
    '+ hh borrowing',
    '+ dividends',
    '+ other',
  ];
  const table = formatTable({
    headers,
    rows: rows.map((r) => [
      r.month,
      bn(r.profits),
      bn(r.investment),
      bn(r.gov_deficit),
      bn(r.current_account),
      bn(r.hh_saving),
      bn(r.dividends),
      bn(r.other),
    ]),
    align: headers.map((_, i) => (i === 0 ? 'left' : 'right')),
  });
  return `who absorbs the income (Kalecki: business profits after tax, USD bn/yr; hh borrowing = minus households' net lending):\n${table}`;
}

function sharesSection(run: ScenarioRun): string | undefined {
  const series = SHARES.map((s) => run.view.get(`income_share_${s}`));
  if (series.some((s) => s === undefined)) return undefined;
  const months = [run.window.from, run.window.to];
  const headers = ['month', ...SHARES];
  const table = formatTable({
    headers,
    rows: months.map((m) => [
      run.time[m - run.window.from],
      ...series.map((s) => `${((s as ArrayLike<number>)[m] * 100).toFixed(1)} %`),
    ]),
    align: headers.map((_, i) => (i === 0 ? 'left' : 'right')),
  });
  return `income shares of GDP by income:\n${table}`;
}

function payersLine(run: ScenarioRun): string | undefined {
  const p = run.summary.ubi_payers;
  if (!p) return undefined;
  return `UBI ${bn(p.ubi_usd_bn)} USD bn paid 2026–end, against ${p.reference}: AI tax (payer: the AI complex) ${bn(p.ai_tax_ai_complex_usd_bn)}, extra deficit (payers: Treasury buyers) ${bn(p.deficit_usd_bn)}, other receipts and lower outlays ${bn(p.other_receipts_usd_bn)}`;
}

/** Months of the window in which the time-dimension Ponzi flag is on, and the largest gap. */
function ponziLine(run: ScenarioRun): string | undefined {
  const flag = run.view.get('ponzi_time_flag');
  const gap = run.view.get('ponzi_time_gap');
  if (!flag || !gap) return undefined;
  let months = 0;
  let worst = Number.NEGATIVE_INFINITY;
  let worstAt = '';
  for (let m = run.window.from; m <= run.window.to; m++) {
    if (flag[m] > 0) months += 1;
    if (gap[m] > worst) {
      worst = gap[m];
      worstAt = run.time[m - run.window.from];
    }
  }
  return `time-dimension Ponzi (household debt service growing faster than income, income below population + productivity growth): ${months} months flagged; largest gap ${(worst * 100).toFixed(2)} points (${worstAt})`;
}

/** The stylised social shares at the window's first and last month. */
function socialLine(run: ScenarioRun): string | undefined {
  const kinds = ['obligatory', 'chosen', 'ai'] as const;
  const series = kinds.map((k) => run.view.get(`social_share_${k}`));
  if (series.some((s) => s === undefined)) return undefined;
  const at = (m: number) =>
    kinds.map((k, i) => `${k} ${((series[i] as ArrayLike<number>)[m] * 100).toFixed(1)} %`).join(', ');
  const [from, to] = [run.window.from, run.window.to];
  return `social relations (STYLISED, not data): ${run.time[0]} ${at(from)}; ${run.time[to - from]} ${at(to)}`;
}

/** The value-capture sections of the `run` table, or an empty list when the model has none. */
export function valueSections(run: ScenarioRun): string[] {
  return [sharesSection(run), kaleckiSection(run), payersLine(run), ponziLine(run), socialLine(run)].filter(
    (s): s is string => s !== undefined,
  );
}
