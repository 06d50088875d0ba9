/**
 * `endgame run [INPUT]`: run a preset, scenario or model file of the
 * AI-endgame model and print its series, summary, chain trace and scorecard
 * (ENGINE.md §6, MODEL.md §9–10).
 */
import { type Command, Option } from 'commander';
import { parseMonthOption, parseSetPairs, presetOptions } from './model-args.js';
import { assertReadableFile, collectSet } from './model-input.js';
import { recordInStore, STORE_OPTION_HELP } from './store-option.js';
import { writeOutput } from './write-output.js';

/** Output formats of `run`. */
export type RunFormat = 'json' | 'csv' | 'table';

/** Options of `run` as commander parses them. */
export interface RunOptions {
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

INPUT is a preset name (see endgame list), a scenario file (extends:) or a model file (equations:).
JSON output: { "scenario", "time": ["2026-01", ...], "initial": { NAME: value },
  "series": { NAME: [one value per month of the window] }, "summary": {...},
  "chain": [{ "id", "label", "onset", "lag_months", "peak", "peak_date", ... }],
  "scorecard": [...], "accounting": { "max_residual", "where" } }
--from/--to choose the months printed; the chain trace and summary always cover the whole run.`;

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
  const run = model.runScenario(input, { ...presetOptions(), set, from, to });
  const { renderRun } = await import('./run-output.js');
  writeOutput(renderRun(options.format, run), options.out);
  for (const warning of run.warnings) process.stderr.write(`endgame: warning: ${warning.message}\n`);
  if (options.store !== undefined) {
    await recordInStore(options.store, {
      kind: 'run',
      input,
      params: set,
      options: { from: from ?? null, to: to ?? null },
      outputs: JSON.parse(renderRun('json', run)),
    });
  }
}
