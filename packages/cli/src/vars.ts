/**
 * `endgame vars INPUT`: every param and variable of a model with its kind,
 * unit, doc, source, equation and role.
 */

import type { CompiledModel } from '@endgame/engine';
import { type Command, Option } from 'commander';
import { CliError, EXIT } from './errors.js';
import { formatJson } from './format-json.js';
import { formatTable } from './format-table.js';
import { presetOptions } from './model-args.js';
import { assertReadableFile, compileModelFile, isUserSeries } from './model-input.js';
import { writeOutput } from './write-output.js';

/** Options of `vars` as commander parses them. */
export interface VarsOptions {
  format: 'json' | 'table';
  out?: string;
}

/** One listed name. Absent fields are `null` in JSON and blank in the table. */
export interface VarRow {
  name: string;
  kind: string;
  unit: string | null;
  doc: string | null;
  source: string | null;
  equation: string | null;
  role: string | null;
}

const EXAMPLES = `
Examples:
  $ endgame vars                       # the model behind the baseline preset
  $ endgame vars citrini-2028          # a preset's model
  $ endgame vars examples/gl/sim.yaml
  $ endgame vars examples/gl/sim.yaml --format json --out vars.json

INPUT is a preset name, a scenario file (its model is listed) or a model file; default: baseline.

JSON output: { "model", "vars": [{ "name", "kind", "unit", "doc", "source", "equation", "role" }] }`;

/** Adds the `vars` command to `program`. */
export function registerVars(program: Command): void {
  program
    .command('vars')
    .summary("list a model's params and variables")
    .description('List every param and variable of a model: kind, unit, doc, source, equation and role.')
    .argument('[input]', 'preset name, scenario file or model file (default: the baseline preset)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .option('--out <file>', 'write the output to FILE instead of stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (input: string | undefined, options: VarsOptions) => {
      await runVars(input, options);
    });
}

/** The rows `vars` lists for `compiled`, in slot order. */
export function varRows(compiled: CompiledModel): VarRow[] {
  return compiled.slots
    .filter((slot) => isUserSeries(slot.name, slot.kind))
    .map((slot) => ({
      name: slot.name,
      kind: slot.kind,
      unit: slot.unit ?? null,
      doc: slot.doc ?? null,
      source: slot.source ?? null,
      equation: slot.equation ?? null,
      role: slot.role ?? null,
    }));
}

/** Runs `vars` on `input` and writes the listing. */
export async function runVars(input: string | undefined, options: VarsOptions): Promise<void> {
  const model = await import('@endgame/model');
  const presets = presetOptions();
  if (input === undefined) {
    if (model.resolvePreset('baseline', presets) === undefined) {
      throw new CliError(
        'vars needs a model file: there is no baseline preset to default to; give one: endgame vars MODEL.yaml (see endgame vars --help)',
        EXIT.usage,
      );
    }
    input = 'baseline';
  }
  if (model.isFileInput(input)) assertReadableFile(input);
  const { compiled } = await compileModelFile(model.modelPathFor(input, presets));
  const rows = varRows(compiled);
  if (options.format === 'json') {
    writeOutput(formatJson({ model: compiled.name, vars: rows }), options.out);
    return;
  }
  const columns = ['name', 'kind', 'unit', 'equation', 'doc', 'source', 'role'] as const;
  const maxWidth = [undefined, undefined, 24, 70, 70, 50, undefined];
  const cells = rows.map((row) => columns.map((column) => row[column] ?? ''));
  const cut = cells.some((row) => row.some((cell, col) => cell.length > (maxWidth[col] ?? Number.POSITIVE_INFINITY)));
  const table = formatTable({ headers: [...columns], rows: cells, maxWidth });
  const note = cut ? '(long cells end with …: endgame vars --format json has the full text)\n' : '';
  writeOutput(`${compiled.name}: ${rows.length} names\n${table}${note}`, options.out);
}
