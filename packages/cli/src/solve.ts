/**
 * `endgame solve MODEL`: load, compile and run a model file, then print its
 * series as JSON, CSV or a table (ENGINE.md §6), or its block structure.
 */
import { type Command, Option } from 'commander';
import { CliError, EXIT } from './errors.js';
import { collectSet, compileModelFile, parsePeriods, parseSets } from './model-input.js';
import type { SolveFormat } from './solve-output.js';
import { writeOutput } from './write-output.js';

/** Options of `solve` as commander parses them. */
export interface SolveOptions {
  periods?: string;
  set?: string[];
  blocks?: boolean;
  format: SolveFormat;
  out?: string;
}

const EXAMPLES = `
Examples:
  $ endgame solve examples/gl/sim.yaml --format table
  $ endgame solve examples/gl/sim.yaml --format json --periods 100
  $ endgame solve examples/gl/sim.yaml --set theta=0.25 --set G=25 --format csv --out sim.csv
  $ endgame solve examples/gl/sim.yaml --blocks

JSON output: { "model", "periods": [0..N], "series": { NAME: [N+1 values] },
  "iterations": [{ "block", "total", "max" }], "accounting": { "max_residual", "where" } }
Index 0 of every series is period 0 (the initial values).`;

/** Adds the `solve` command to `program`. */
export function registerSolve(program: Command): void {
  program
    .command('solve')
    .summary('solve a model file and print its series')
    .description('Load, compile and solve a model file (YAML with equations:), then print every series.')
    .argument('<model>', 'model file (YAML)')
    .option('--periods <n>', "number of periods to solve (default: the model's periods)")
    .option('--set <name=value>', 'override a param for this run (repeatable)', collectSet)
    .option('--blocks', 'print the block structure (simultaneous blocks and their sizes) and exit')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'table']).default('table'))
    .option('--out <file>', 'write the output to FILE (any writable path, e.g. /dev/null) instead of stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (model: string, options: SolveOptions) => {
      await runSolve(model, options);
    });
}

/** Runs `solve` on the model file at `path` and writes the result. */
export async function runSolve(path: string, options: SolveOptions): Promise<void> {
  const periods = options.periods === undefined ? undefined : parsePeriods(options.periods);
  if (options.blocks && options.format === 'csv') {
    throw new CliError('--blocks prints a table or JSON: use --format table or --format json', EXIT.usage);
  }
  const { engine, compiled } = await compileModelFile(path);
  if (options.blocks) {
    const { renderBlocks } = await import('./blocks.js');
    writeOutput(renderBlocks(compiled, options.format === 'json' ? 'json' : 'table'), options.out);
    return;
  }
  const params = parseSets(options.set ?? [], compiled);
  const result = engine.instantiate(compiled).run({ periods, params });
  const { renderSolve } = await import('./solve-output.js');
  writeOutput(renderSolve(options.format, compiled, result), options.out);
  for (const warning of compiled.warnings) process.stderr.write(`endgame: warning: ${warning.message}\n`);
}
