/**
 * The household layer of `run --households N`: options, the coupled run, and
 * its distribution summary (table and JSON) printed after the chain trace.
 */
import type { MicroResult, MicroSummary } from '@endgame/micro';
import type { RunScenarioOptions, ScenarioRun } from '@endgame/model';
import { parseCount, parseSeed } from './analysis-input.js';
import { formatNumber } from './format-number.js';
import { formatTable } from './format-table.js';
import type { Progress } from './progress.js';
import { writeOutput } from './write-output.js';

/** The household options of `run` as commander parses them. */
export interface HouseholdOptions {
  households?: string;
  seed?: string;
  workers?: string;
  sampleOut?: string;
}

/** A finished household layer: its series and its summary. */
export interface HouseholdRun {
  result: MicroResult;
  summary: MicroSummary;
}

/** Households written to `--sample-out`. */
export const SAMPLE_HOUSEHOLDS = 1000;

/** Runs `input` coupled to a household population; the sample goes to `--sample-out` when given. */
export async function runWithHouseholds(
  input: string,
  options: HouseholdOptions,
  scenarioOptions: RunScenarioOptions,
): Promise<{ run: ScenarioRun; households: HouseholdRun }> {
  const households = parseCount(options.households ?? '', '--households', 1000);
  const seed = parseSeed(options.seed ?? '1');
  const workers = parseCount(options.workers ?? '0', '--workers', 0);
  const [model, micro, { createProgress }] = await Promise.all([
    import('@endgame/model'),
    import('@endgame/micro'),
    import('./progress.js'),
  ]);
  micro.checkHouseholds(households);
  let progress: Progress | undefined;
  const label = `households ${formatNumber(households)}`;
  const driver = micro.coupledDriver({
    households,
    seed,
    workers,
    ...(options.sampleOut ? { sample: SAMPLE_HOUSEHOLDS } : {}),
    onMonth: (month, months) => {
      progress ??= createProgress(months, label, { unit: 'months' });
      progress.update(month);
    },
  });
  try {
    const run = await model.runScenarioDriven(input, driver, scenarioOptions);
    if (options.sampleOut && driver.micro?.sample) writeOutput(driver.micro.sample, options.sampleOut);
    const result = driver.micro!;
    return { run, households: { result, summary: micro.microSummary(result) } };
  } finally {
    progress?.stop();
  }
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)} %` : '—');
const num = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
const usd = (x: number) => (Number.isFinite(x) ? formatNumber(Math.round(x * 1000)) : '—');

/** The distribution summary as text: inequality, middle class, delinquency by occupation and metro, consumption by decile. */
export function householdsTable(households: HouseholdRun, time: (month: number) => string): string {
  const { result: micro, summary: s } = households;
  const point = (
    label: string,
    p: { t0: number; end: number; extreme: number; extremeMonth: number },
    show: (x: number) => string,
    word: string,
  ) => [label, show(p.t0), `${show(p.extreme)} (${time(p.extremeMonth)})`, show(p.end), word];
  const headline = formatTable({
    headers: ['measure', 't0', 'extreme (month)', 'end', 'extreme is'],
    rows: [
      point('income Gini (disposable)', s.income_gini, num, 'highest'),
      point('middle-class share (2/3-2x median)', s.middle_class_share, pct, 'lowest'),
      point('mortgagors delinquent', s.households_delinquent_share, pct, 'highest'),
    ],
    align: ['left', 'right', 'right', 'right', 'left'],
  });
  const peak = time(s.households_delinquent_share.extremeMonth);
  const byGroup = formatTable({
    headers: ['delinquent at the peak', 'share of mortgagors'],
    rows: [
      ...Object.entries(s.delinquent_by_occupation).map(([o, v]) => [`occupation ${o}`, pct(v)]),
      ...Object.entries(s.delinquent_by_metro).map(([m, v]) => [`${m} metros`, pct(v)]),
    ],
    align: ['left', 'right'],
  });
  const deciles = formatTable({
    headers: ['income decile', ...Array.from({ length: 10 }, (_, d) => `D${d + 1}`)],
    rows: [
      ['consumption t0, USD/yr', ...s.consumption_by_decile.t0.map(usd)],
      [`consumption ${time(micro.months)}, USD/yr`, ...s.consumption_by_decile.end.map(usd)],
    ],
    align: ['left', ...Array.from({ length: 10 }, () => 'right' as const)],
  });
  return [
    `households: ${formatNumber(s.households)} simulated (seed ${s.seed}), coupled to the model each month; defaults over the run ${pct(s.households_default_share)} of mortgagors`,
    headline,
    `delinquency by occupation of origin and metro type at its peak (${peak}):`,
    byGroup,
    'consumption by disposable-income decile (nominal, per household):',
    deciles,
  ].join('\n');
}

/** The household part of the `run` JSON: the summary and each micro series over the window. */
export function householdsJson(
  households: HouseholdRun,
  window: { from: number; to: number },
): Record<string, unknown> {
  const series: Record<string, number[]> = {};
  for (const [name, values] of Object.entries(households.result.series)) {
    series[name] = Array.from({ length: window.to - window.from + 1 }, (_, i) => values[window.from + i]);
  }
  return { summary: households.summary, series };
}
