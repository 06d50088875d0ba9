/**
 * `endgame mc INPUT --runs N --seed S`: Monte Carlo over the uncertain params
 * of a preset, scenario file or model file (issue 6, item 2) — percentiles of
 * the requested series, recession probability by year, chain-link
 * probabilities and onsets, and Spearman correlations of each param with the
 * headline outcomes; as JSON, CSV, Parquet or a terminal summary.
 */
import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { type AnalysisInput, loadAnalysisInput, parseCount, parseSeed, printWarnings } from './analysis-input.js';
import { CliError, describeFsError, EXIT } from './errors.js';
import { monteCarloBatch } from './failed-runs.js';
import { presetOptions } from './model-args.js';
import { collectSet, parseSets } from './model-input.js';
import { recordInStore, STORE_OPTION_HELP } from './store-option.js';
import { writeOutput } from './write-output.js';

/** Output formats of `mc`. */
export type McFormat = 'json' | 'csv' | 'parquet' | 'table';

/** Options of `mc` as commander parses them. */
export interface McOptions {
  runs: string;
  seed: string;
  series?: string;
  params?: string;
  metric?: string[];
  set?: string[];
  workers: string;
  format: McFormat;
  out?: string;
  /** `--store [FILE]`: also record in the results store. */
  store?: string | boolean;
}

const EXAMPLES = `
Examples:
  $ endgame mc citrini-2028 --runs 2000 --seed 1
  $ endgame mc citrini-2028 --runs 2000 --seed 1 --workers 2 --format json --out mc.json
  $ endgame mc baseline --runs 500 --series unemployment_rate,gdp_real --format csv
  $ endgame mc citrini-2028 --runs 10000 --format parquet --out mc.parquet
  $ endgame mc my-model.yaml --runs 1000 --metric y:max

Params vary when they have a range (range: [lo, hi], dist: in the model, or a scenario's uncertainty:);
the scenario's choices (params it sets, and role: driver params such as policy levers) stay fixed
unless its uncertainty: or --params names them. Each run draws from its own
seeded stream, so results are identical for any --workers.
JSON output: { "runs", "seed", "percentiles": { SERIES: { "p5": [...], "p25", "p50", "p75", "p95" } },
  "recession_probability_by_year": { "2026": p, ... }, "chain": { LINK: { "probability", "onset_percentiles" } },
  "correlations": { PARAM: { METRIC: rho } } }  — percentile arrays hold one value per solved month
  (per period for models without a start month).
CSV/Parquet: series, period, month (or time), p5, p25, p50, p75, p95; Parquet needs --out FILE.`;

/** Adds the `mc` command to `program`. */
export function registerMc(program: Command): void {
  program
    .command('mc')
    .summary('Monte Carlo: percentiles, recession and chain probabilities, correlations')
    .description(
      'Run a preset, scenario file or model file many times with its uncertain params drawn from their distributions, and summarise the outcomes.',
    )
    .argument('<input>', 'preset name, scenario file or model file')
    .option('--runs <n>', 'number of runs', '1000')
    .option('--seed <s>', 'random seed (a whole number from 0 to 4294967295)', '1')
    .option('--series <a,b,...>', 'series to report percentiles for (default: the model’s headline series)')
    .option('--params <a,b,...>', 'vary only these params (each needs a range; default: every param with one)')
    .option('--metric <SERIES:REDUCER>', 'an outcome to correlate with each param (repeatable)', collectSet)
    .option('--set <name=value>', 'fix a param for every run (repeatable; wins over the scenario)', collectSet)
    .option('--workers <n>', 'worker threads (results do not depend on it)', '1')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'csv', 'parquet', 'table']).default('table'),
    )
    .option('--out <file>', 'write the output to FILE instead of stdout (required for parquet)')
    .option('--store [file]', STORE_OPTION_HELP)
    .addHelpText('after', EXAMPLES)
    .action(async (input: string, options: McOptions) => {
      await runMc(input, options);
    });
}

/** The names of a comma-separated list flag (`--series`, `--params`). */
function nameList(text: string, flag: string): string[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (names.length === 0) throw new CliError(`bad ${flag} '${text}': expected names, e.g. ${flag} a,b`, EXIT.usage);
  return names;
}

/** The series `--series` names, or the default: the §9 series the model has, else all its variables. */
function seriesToKeep(text: string | undefined, loaded: AnalysisInput, fixed: readonly string[]): string[] {
  if (text !== undefined) return nameList(text, '--series');
  const slots = loaded.compiled.slots;
  const present = new Set(slots.map((s) => s.name));
  const headline = fixed.filter((name) => present.has(name));
  if (headline.length > 0) return headline;
  return slots.filter((s) => s.kind === 'variable' && !s.name.startsWith('__')).map((s) => s.name);
}

/** Rethrows an analysis error about a flag's value as a usage error naming the flag. */
async function asUsage<T>(flag: string, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (err) {
    if (err instanceof Error && err.name === 'EngineError')
      throw new CliError(`bad ${flag}: ${err.message}`, EXIT.usage);
    throw err;
  }
}

/** Runs `mc` on `input` and writes the output. */
export async function runMc(input: string, options: McOptions): Promise<void> {
  const runs = parseCount(options.runs, '--runs');
  const seed = parseSeed(options.seed);
  const workers = parseCount(options.workers, '--workers');
  if (
    options.format === 'parquet' &&
    (options.out === undefined || options.out === '-' || options.out === '/dev/stdout')
  ) {
    throw new CliError('--format parquet writes a binary file: give --out FILE (e.g. --out mc.parquet)', EXIT.usage);
  }
  const [analysis, model] = await Promise.all([import('@endgame/analysis'), import('@endgame/model')]);
  const loaded = await loadAnalysisInput(input);
  const { compiled } = loaded;
  const set = { ...loaded.set, ...parseSets(options.set ?? [], compiled) };
  const base = { ...loaded.base, params: { ...loaded.base.params, ...set } };
  const only = options.params === undefined ? undefined : nameList(options.params, '--params');
  // Without --params first, so a bad uncertainty: block is reported as the scenario's error.
  const ranged = analysis.scenarioUncertainParams(compiled, set, loaded.uncertainty);
  const uncertain = only
    ? await asUsage('--params', () => analysis.scenarioUncertainParams(compiled, set, loaded.uncertainty, only))
    : ranged;
  if (uncertain.length === 0) throw analysis.noUncertainParams(compiled);
  const keep = seriesToKeep(options.series, loaded, model.FIXED_SERIES);
  await asUsage('--series', () => analysis.checkSeries(compiled, keep));
  const metrics = options.metric
    ? await asUsage('--metric', () =>
        (options.metric ?? []).map((text) => {
          const metric = analysis.parseMetric(text, compiled);
          analysis.checkMetricSeries(metric, compiled, base.periods ?? compiled.periods);
          return metric;
        }),
      )
    : undefined;
  const baseline = baselineView(input, loaded, model);
  printWarnings(loaded.warnings);

  const result = await monteCarloBatch(
    { analysis, workers, label: `mc ${loaded.name}`, detail: ' of the statistics' },
    {
      compiled,
      base,
      uncertain,
      keep,
      runs,
      seed,
      ...(baseline ? { baseline } : {}),
      ...(metrics ? { metrics } : {}),
    },
  );
  const axis = analysis.mcTimeAxis(compiled, base);
  switch (options.format) {
    case 'json': {
      const { formatJson } = await import('./format-json.js');
      writeOutput(formatJson(result), options.out);
      break;
    }
    case 'csv':
      writeOutput(analysis.mcCsv(result, axis), options.out);
      break;
    case 'parquet':
      writeBinary(new Uint8Array(analysis.mcParquet(result, axis)), options.out as string);
      break;
    case 'table': {
      const { renderMcTable } = await import('./mc-output.js');
      writeOutput(renderMcTable({ name: loaded.name, result, axis, uncertain: uncertain.length }), options.out);
      break;
    }
  }
  if (options.store !== undefined) {
    const { formatJson } = await import('./format-json.js');
    await recordInStore(options.store, {
      kind: 'mc',
      input,
      params: { ...set, varied: uncertain.map((p) => p.name) },
      seed,
      options: { runs, series: keep, metrics: options.metric ?? [] },
      outputs: () => JSON.parse(formatJson(result)),
    });
  }
}

/**
 * The `baseline` preset's run, which L1 (capability above the baseline path)
 * compares with: only for scenarios of a monthly model that the `baseline`
 * preset also runs on.
 */
export function baselineView(
  input: string,
  loaded: AnalysisInput,
  model: typeof import('@endgame/model'),
): import('@endgame/model').RunView | undefined {
  const options = presetOptions();
  if (!loaded.compiled.startMonth || model.resolveInput(input, options).kind === 'model') return undefined;
  if (model.resolvePreset('baseline', options) === undefined) return undefined;
  if (model.modelPathFor(input, options) !== model.modelPathFor('baseline', options)) return undefined;
  return model.runScenario('baseline', options).view;
}

/** Writes bytes to `path`; a failure is one line naming the file. */
function writeBinary(bytes: Uint8Array, path: string): void {
  try {
    writeFileSync(path, bytes);
  } catch (err) {
    throw new CliError(`cannot write '${path}': ${describeFsError(err)}`, EXIT.input);
  }
}
