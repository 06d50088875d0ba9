/**
 * `endgame scorecard PRESET`: every Citrini target of a preset — value, band,
 * gap, and a one-line explanation when outside (MODEL.md §10, tier 2).
 * A miss is a result, so the exit code is 0 whether targets are met or not.
 */
import type { ScorecardEntry, TargetValue } from '@endgame/model';
import { type Command, Option } from 'commander';
import { formatJson } from './format-json.js';
import { formatNumber } from './format-number.js';
import { formatTable } from './format-table.js';
import { parseSetPairs, presetOptions } from './model-args.js';
import { assertReadableFile, collectSet } from './model-input.js';
import { writeOutput } from './write-output.js';

/** Options of `scorecard` as commander parses them. */
export interface ScorecardOptions {
  set?: string[];
  format: 'json' | 'table';
  out?: string;
}

const EXAMPLES = `
Examples:
  $ endgame scorecard citrini-2028
  $ endgame scorecard citrini-tail --format json
  $ endgame scorecard citrini-2028 --set diffusion_time=3

Targets come from packages/model/data/citrini-2028-targets.json (citrini-2028: the memo's
targets; citrini-tail: the tail drawdown). Exit code 0 even when targets are missed.
JSON output: { "preset", "scorecard": [{ "id", "tier", "series", "what", "memo", "value",
  "band", "gap", "inside", "explanation" }] }`;

/** Adds the `scorecard` command to `program`. */
export function registerScorecard(program: Command): void {
  program
    .command('scorecard')
    .summary("score a preset against the Citrini memo's targets")
    .description(
      'Run a preset and print each of its targets: value, band, gap, and a one-line explanation when it lies outside the band.',
    )
    .argument('<preset>', 'preset name (or a scenario file named like one)')
    .option('--set <name=value>', 'override a param for this run (repeatable)', collectSet)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .option('--out <file>', 'write the output to FILE instead of stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (preset: string, options: ScorecardOptions) => {
      await runScorecardCommand(preset, options);
    });
}

/** A value as shown in the table. */
export function showValue(value: TargetValue | unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(Number(value.toPrecision(4)));
  if (Array.isArray(value)) return `[${value.map(showValue).join(', ')}]`;
  return String(value);
}

function insideCell(entry: ScorecardEntry): string {
  if (entry.inside === null) return entry.missing ? 'n/a' : 'report';
  return entry.inside ? 'yes' : 'NO';
}

function scorecardTable(preset: string, entries: readonly ScorecardEntry[]): string {
  const headers = ['target', 'tier', 'value', 'band', 'gap', 'inside', 'explanation'];
  const rows = entries.map((entry) => [
    entry.id,
    entry.tier,
    showValue(entry.value),
    entry.band ? `${showValue(entry.band[0])}..${showValue(entry.band[1])}` : '—',
    entry.gap === null ? '' : showValue(entry.gap),
    insideCell(entry),
    entry.explanation ?? '',
  ]);
  const inside = entries.filter((entry) => entry.inside === true).length;
  const scored = entries.filter((entry) => entry.inside !== null).length;
  const title = `${preset}: ${inside} of ${scored} scored targets inside their band (gap: signed distance to the band; months for dates)`;
  return `${title}\n${formatTable({ headers, rows })}`;
}

/** Runs `scorecard` on `preset` and writes the result. */
export async function runScorecardCommand(preset: string, options: ScorecardOptions): Promise<void> {
  const set = parseSetPairs(options.set ?? []);
  const model = await import('@endgame/model');
  if (model.isFileInput(preset)) assertReadableFile(preset);
  const run = model.runScenario(preset, { ...presetOptions(), set });
  if (options.format === 'json') {
    writeOutput(formatJson({ preset: run.name, scorecard: run.scorecard }), options.out);
  } else if (run.scorecard.length === 0) {
    writeOutput(
      `${run.name}: no scorecard targets (targets exist for ${model.TARGET_PRESETS.join(', ')})\n`,
      options.out,
    );
  } else {
    writeOutput(scorecardTable(run.name, run.scorecard), options.out);
  }
  for (const warning of run.warnings) process.stderr.write(`endgame: warning: ${warning.message}\n`);
}
