/**
 * `endgame sensitivity INPUT --method morris|sobol --metric SERIES:REDUCER`:
 * which uncertain params drive an outcome — Morris screening (μ*, σ) or Sobol
 * first- and total-order indices with bootstrap confidence intervals.
 */
import type { MorrisIndex, SobolIndex } from '@endgame/analysis';
import { type Command, Option } from 'commander';
import { loadAnalysisInput, parseCount, parseSeed, printWarnings } from './analysis-input.js';
import { runBatch } from './failed-runs.js';
import { formatJson } from './format-json.js';
import { formatNumber } from './format-number.js';
import { formatTable } from './format-table.js';
import { recordInStore, STORE_OPTION_HELP } from './store-option.js';
import { writeOutput } from './write-output.js';

/** Options of `sensitivity` as commander parses them. */
export interface SensitivityOptions {
  method: 'morris' | 'sobol';
  metric: string;
  n?: string;
  seed: string;
  params?: string;
  workers: string;
  format: 'json' | 'table';
  out?: string;
  /** `--store [FILE]`: also record in the results store. */
  store?: string | boolean;
}

/** JSON output of `sensitivity` (issue 6, item 6). */
export interface SensitivityReport {
  method: 'morris' | 'sobol';
  metric: string;
  n: number;
  seed: number;
  runs: number;
  indices: Record<string, SobolIndex> | Record<string, MorrisIndex>;
}

const EXAMPLES = `
Examples:
  $ endgame sensitivity citrini-2028 --method sobol --metric unemployment_rate:max --n 512
  $ endgame sensitivity citrini-2028 --method morris --metric gdp_real:drawdown --n 20 --workers 4
  $ endgame sensitivity examples/ishigami.yaml --method sobol --metric y:last --n 1024 --format json
  $ endgame sensitivity citrini-2028 --metric gdp_real:drawdown --params diffusion_time,new_task_creation,ai_tax_rate

The uncertain params are those with a range (in the model or the scenario's uncertainty:), except those
the scenario fixes with set:; --params a,b,... picks some (set or not). Sobol: --n is the base sample N
(default 512), runs = N(k + 2) for k params; S1 by Saltelli (2010), ST by Jansen (1999), 95 % bootstrap
intervals (200 resamples). Morris: --n is the number of trajectories r (default 20), runs = r(k + 1);
mu_star is the mean absolute elementary effect per unit of probability. JSON: { "method", "metric", "n",
"indices": { PARAM: { "S1", "S1_ci": [lo, hi], "ST", "ST_ci" } } } (Morris: { "mu_star", "mu", "sigma" }).
The table is sorted by ST (Morris: mu_star), largest first.
Reducers: last, max, min, mean, drawdown, peak_date, at=YYYY-MM, at=PERIOD.`;

/** Adds the `sensitivity` command to `program`. */
export function registerSensitivity(program: Command): void {
  program
    .command('sensitivity')
    .summary('global sensitivity of an outcome: Sobol indices or Morris screening')
    .description('Rank the uncertain params of a preset, scenario or model file by their effect on one outcome.')
    .argument('<input>', 'preset name, scenario file or model file')
    .addOption(new Option('--method <method>', 'method').choices(['morris', 'sobol']).default('sobol'))
    .requiredOption('--metric <SERIES:REDUCER>', 'the outcome, e.g. unemployment_rate:max')
    .option('--n <N>', 'Sobol base sample N (default 512) or Morris trajectories (default 20)')
    .option('--seed <S>', 'random seed', '1')
    .option('--params <a,b,...>', 'only these uncertain params (each needs a range); the others stay at their values')
    .option('--workers <N>', 'worker threads', '1')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .option('--out <file>', 'write the output to FILE instead of stdout')
    .option('--store [file]', STORE_OPTION_HELP)
    .addHelpText('after', EXAMPLES)
    .action(async (input: string, options: SensitivityOptions) => {
      await runSensitivity(input, options);
    });
}

/** Runs `sensitivity` on `input` and writes the output. */
export async function runSensitivity(input: string, options: SensitivityOptions): Promise<void> {
  const n = parseCount(options.n ?? (options.method === 'sobol' ? '512' : '20'), '--n');
  const seed = parseSeed(options.seed);
  const workers = parseCount(options.workers, '--workers');
  const analysis = await import('@endgame/analysis');
  const loaded = await loadAnalysisInput(input);
  const { compiled, base } = loaded;
  const outcome = analysis.parseOutcome(options.metric, compiled, base);
  const only = options.params?.split(',').map((name) => name.trim());
  const params = analysis.scenarioUncertainParams(compiled, loaded.set, loaded.uncertainty, only);
  if (params.length === 0) throw analysis.noUncertainParams(compiled);
  printWarnings(loaded.warnings);
  const runs = options.method === 'sobol' ? n * (params.length + 2) : n * (params.length + 1);
  // A draw the model cannot solve is left out (its outcome NaN) rather than ending the study.
  let dropped = '';
  const report = await runBatch<SensitivityReport>(
    { analysis, runs, workers, label: `${options.method} ${loaded.name}`, detail: () => dropped },
    async ({ runner, onProgress, onRunFailed }) => {
      const evaluate = analysis.runnerEvaluate(
        runner,
        { compiled, base },
        params.map((p) => p.name),
        [outcome],
        { onProgress, onRunFailed },
      );
      if (options.method === 'sobol') {
        const result = await analysis.sobolIndices(params, evaluate, { n, seed });
        if (result.dropped > 0) dropped = `; the Sobol estimates use ${n - result.dropped} of ${n} base samples`;
        return { method: 'sobol', metric: outcome.text, n, seed, runs: result.runs, indices: result.indices };
      }
      const result = await analysis.morris(params, evaluate, { trajectories: n, seed });
      return { method: 'morris', metric: outcome.text, n, seed, runs: result.runs, indices: result.indices };
    },
  );
  const text = options.format === 'json' ? formatJson(report) : sensitivityTable(report);
  writeOutput(text, options.out);
  await recordInStore(options.store, {
    kind: 'sensitivity',
    input,
    params: Object.fromEntries(params.map((p) => [p.name, { range: p.range, dist: p.dist }])),
    seed,
    options: { method: options.method, metric: outcome.text, n },
    outputs: () => JSON.parse(formatJson(report)),
  });
}

/** The report as a table sorted by ST (Morris: mu_star), largest first. */
export function sensitivityTable(report: SensitivityReport): string {
  const key = report.method === 'sobol' ? 'ST' : 'mu_star';
  type Entry = Record<string, number | [number, number]>;
  const value = (entry: Entry, name: string) => entry[name] as number;
  const ci = (entry: Entry, name: string) => {
    const [lo, hi] = entry[name] as [number, number];
    return `[${formatNumber(lo)}, ${formatNumber(hi)}]`;
  };
  const sorted = Object.entries(report.indices as Record<string, unknown> as Record<string, Entry>).sort(
    (a, b) => value(b[1], key) - value(a[1], key),
  );
  const title = `${report.method === 'sobol' ? 'Sobol indices' : 'Morris screening'} of ${report.metric} (n = ${report.n}, ${report.runs} runs, seed ${report.seed})\n\n`;
  if (report.method === 'sobol') {
    return (
      title +
      formatTable({
        headers: ['param', 'S1', 'S1 95% CI', 'ST', 'ST 95% CI'],
        rows: sorted.map(([name, e]) => [
          name,
          formatNumber(value(e, 'S1')),
          ci(e, 'S1_ci'),
          formatNumber(value(e, 'ST')),
          ci(e, 'ST_ci'),
        ]),
        align: ['left', 'right', 'right', 'right', 'right'],
      })
    );
  }
  return (
    title +
    formatTable({
      headers: ['param', 'mu_star', 'mu', 'sigma'],
      rows: sorted.map(([name, e]) => [
        name,
        formatNumber(value(e, 'mu_star')),
        formatNumber(value(e, 'mu')),
        formatNumber(value(e, 'sigma')),
      ]),
      align: ['left', 'right', 'right', 'right'],
    })
  );
}
