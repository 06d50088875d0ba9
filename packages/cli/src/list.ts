/**
 * `endgame list`: the presets of the AI-endgame model with one-line descriptions.
 */
import { type Command, Option } from 'commander';
import { formatJson } from './format-json.js';
import { formatTable } from './format-table.js';
import { presetOptions } from './model-args.js';
import { writeOutput } from './write-output.js';

/** Options of `list` as commander parses them. */
export interface ListOptions {
  format: 'json' | 'table';
  out?: string;
}

const EXAMPLES = `
Examples:
  $ endgame list
  $ endgame list --format json

JSON output: { "presets": [{ "name", "description" }] }
Run one with: endgame run PRESET`;

/** Adds the `list` command to `program`. */
export function registerList(program: Command): void {
  program
    .command('list')
    .summary('list the presets with one-line descriptions')
    .description('List the presets of the AI-endgame model (packages/model/presets) with one-line descriptions.')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .option('--out <file>', 'write the output to FILE instead of stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (options: ListOptions) => {
      await runList(options);
    });
}

/** Runs `list` and writes the listing. */
export async function runList(options: ListOptions): Promise<void> {
  const { listPresets } = await import('@endgame/model');
  const presets = listPresets(presetOptions());
  if (options.format === 'json') {
    writeOutput(formatJson({ presets }), options.out);
    return;
  }
  if (presets.length === 0) {
    writeOutput('no presets yet\n', options.out);
    return;
  }
  const table = formatTable({ headers: ['preset', 'description'], rows: presets.map((p) => [p.name, p.description]) });
  writeOutput(table, options.out);
}
