/**
 * `endgame run [INPUT]`: run a preset, scenario or model file of the
 * AI-endgame model and print its series, summary, chain trace and scorecard
 * (ENGINE.md §6, MODEL.md §9–10).
 */
import { type Command, Option } from 'commander';
import { CliError, EXIT } from './errors.js';
import { parseMonthOption, parseSetPairs, presetOptions } from './model-args.js';
import { assertReadableFile, collectSet } from './model-input.js';
import type { HouseholdOptions } from './run-households.js';
import { recordInStore, STORE_OPTION_HELP } from './store-option.js';
import { writeOutput } from './write-output.js';

/** Output formats of `run`. */
export type RunFormat = 'json' | 'csv' | 'table';

/** Options of `run` as commander parses them. */
export interface RunOptions extends HouseholdOptions {
  from?: string;
  to?: string;
  set?: string[];
  format: RunFormat;
  out?: string;
  /** `--store [FILE]`: also record in the results store. */
  store?: string | boolean;
}

const EXAMPLES = `
Examples:
  $ endgame run                                   # the baseline preset, as a table
  $ endgame run citrini-2028 --format json --out citrini.json
  $ endgame run citrini-2028 --from 2027-01 --to 2028-12 --format csv
  $ endgame run policy-response --set ubi_amount=12 --format table
  $ endgame run my-scenario.yaml                  # a file with extends: (a scenario)
  $ endgame run citrini-2028 --households 200000 --format table
  $ endgame run baseline --households 1000000 --workers 2 --seed 7 --sample-out households.csv

INPUT is a preset name (see endgame list), a scenario file (extends:) or a model file (equations:).
JSON output: { "scenario", "time": ["2026-01", ...], "initial": { NAME: value },
  "series": { NAME: [one value per month of the window] }, "summary": {...},
  "chain": [{ "id", "label", "onset", "lag_months", "peak", "peak_date", ... }],
  "scorecard": [...], "accounting": { "max_residual", "where" } }
--from/--to choose the months printed; the chain trace and summary always cover the whole run.
--households N couples a simulated population of N households to the model each month (their consumption
  and mortgage delinquency replace the groups'; packages/micro/README.md); the table adds the distribution
  summary (Gini, middle-class share, delinquency by occupation and metro type, consumption by decile) and
  the JSON a "households": { "summary", "series" } member. Results depend on --seed, never on --workers.`;

/** Adds the `run` command to `program`. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .summary('run a preset or scenario: series, chain trace, scorecard')
    .description(
      'Run a preset, scenario file or model file of the AI-endgame model and print its series, summary, chain trace and scorecard.',
    )
    .argument('[input]', 'preset name, scenario file or model file', 'baseline')
    .option('--from <month>', 'first month to print (YYYY-MM)')
    .option('--to <month>', 'last month to print (YYYY-MM)')
    .option('--set <name=value>', 'override a param for this run (repeatable; wins over the scenario)', collectSet)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'table']).default('table'))
    .option('--out <file>', 'write the output to FILE (any writable path, e.g. /dev/null) instead of stdout')
    .option('--store [file]', STORE_OPTION_HELP)

    .option('--households <n>', 'couple N simulated households (1000 or more, e.g. 100000) to the model')
    .option('--seed <s>', 'with --households: random seed (a whole number from 0 to 4294967295)', '1')
    .option('--workers <n>', 'with --households: worker threads, 0 = this thread (results do not depend on it)', '0')
    .option('--sample-out <file>', `with --households: write ${1000} sampled households as CSV to FILE`)
    .addHelpText('after', EXAMPLES)
    .action(async (input: string, options: RunOptions) => {
      await runRun(input, options);
    });
}

/** Runs `run` on `input` and writes the output. */
export async function runRun(input: string, options: RunOptions): Promise<void> {
  const from = parseMonthOption(options.from, '--from');
  const to = parseMonthOption(options.to, '--to');
  const set = parseSetPairs(options.set ?? []);
  const model = await import('@endgame/model');
  if (model.isFileInput(input)) assertReadableFile(input);
  const scenarioOptions = { ...presetOptions(), set, from, to };
  const { renderRun } = await import('./run-output.js');
  if (options.households === undefined && options.sampleOut !== undefined) {
    throw new CliError('--sample-out needs --households N', EXIT.usage);
  }
  const { run, micro } =
    options.households === undefined
      ? { run: model.runScenario(input, scenarioOptions), micro: undefined }
      : await (await import('./run-households.js'))
          .runWithHouseholds(input, options, scenarioOptions)
          .then(({ run, households }) => ({ run, micro: households }));
  writeOutput(renderRun(options.format, run, micro), options.out);
  for (const warning of run.warnings) process.stderr.write(`endgame: warning: ${warning.message}\n`);
  if (options.store !== undefined) {
    await recordInStore(options.store, {
      kind: 'run',
      input,
      params: set,
      options: { from: from ?? null, to: to ?? null, households: options.households ?? null },
      outputs: () => JSON.parse(renderRun('json', run, micro)),
    });
  }
}
