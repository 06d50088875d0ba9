/**
 * `endgame vars INPUT`: every param and variable of a model with its kind,
 * unit, doc, source, equation and role.
 */

import type { CompiledModel } from '@endgame/engine';
import { type Command, Option } from 'commander';
import { CliError, EXIT } from './errors.js';
import { formatJson } from './format-json.js';
import { formatTable } from './format-table.js';
import { compileModelFile, isUserSeries } from './model-input.js';
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
  $ endgame vars examples/gl/sim.yaml
  $ endgame vars examples/gl/sim.yaml --format json --out vars.json

JSON output: { "model", "vars": [{ "name", "kind", "unit", "doc", "source", "equation", "role" }] }`;

/** Adds the `vars` command to `program`. */
export function registerVars(program: Command): void {
  program
    .command('vars')
    .summary("list a model's params and variables")
    .description('List every param and variable of a model: kind, unit, doc, source, equation and role.')
    .argument('[input]', 'model file (YAML); required for now')
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
  if (input === undefined) {
    throw new CliError(
      'vars needs a model file for now: endgame vars MODEL.yaml (see endgame vars --help)',
      EXIT.usage,
    );
  }
  const { compiled } = await compileModelFile(input);
  const rows = varRows(compiled);
  if (options.format === 'json') {
    writeOutput(formatJson({ model: compiled.name, vars: rows }), options.out);
    return;
  }
  const columns = ['name', 'kind', 'unit', 'equation', 'doc', 'source', 'role'] as const;
  const table = formatTable({
    headers: [...columns],
    rows: rows.map((row) => columns.map((column) => row[column] ?? '')),
  });
  writeOutput(`${compiled.name}: ${rows.length} names\n${table}`, options.out);
}
