/**
 * The `endgame` command line: builds the commander program, runs it, and
 * turns every failure into one line on stderr and a non-zero exit code.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerCost } from './cost.js';
import { EXIT, oneLine, reportError } from './errors.js';
import { registerGrid } from './grid.js';
import { registerList } from './list.js';
import { registerMc } from './mc.js';
import { registerOptimize } from './optimize.js';
import { registerReport } from './report.js';
import { registerResults } from './results.js';
import { registerRun } from './run.js';
import { registerScorecard } from './scorecard.js';
import { registerSensitivity } from './sensitivity.js';
import { registerSolve } from './solve.js';
import { registerSweep } from './sweep.js';
import { registerVars } from './vars.js';
import { registerWorker } from './worker.js';

const EXAMPLES = `
Examples:
  $ endgame run                                  # the baseline preset: headline and chain trace
  $ endgame run citrini-2028 --format json --out citrini.json
  $ endgame list                                 # the presets
  $ endgame scorecard citrini-2028               # the memo's targets: value, band, gap
  $ endgame report citrini-2028 --compare baseline --out out/   # a Markdown note with SVG charts
  $ endgame solve examples/gl/sim.yaml --format table
  $ endgame solve examples/gl/sim.yaml --format json --out sim.json
  $ endgame solve examples/gl/sim.yaml --blocks
  $ endgame vars examples/gl/sim.yaml
  $ endgame cost --year 2028                     # AI agents vs a human team for a software job
  $ endgame sweep examples/sweeps/ubi-grid.yaml   # a sweep into the results store (.endgame/results.duckdb)
  $ endgame results list

Exit codes: 0 success, 1 bad model or input file, 2 bad command line, 3 internal error.
Errors are one line on stderr; add --debug for a stack trace.`;

/** The CLI's version, from its package.json. */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Builds the `endgame` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('endgame');
  program
    .description('endgame: a stock-flow-consistent, system-dynamics simulator (equations as data, compiled and solved)')
    .version(cliVersion(), '-V, --version', 'print the version')
    .option('--debug', 'print a stack trace with errors')
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true })
    .addHelpText('after', EXAMPLES);
  registerRun(program);
  registerList(program);
  registerScorecard(program);
  registerSolve(program);
  registerVars(program);
  registerSensitivity(program);
  registerGrid(program);
  registerOptimize(program);
  registerMc(program);
  registerReport(program);
  registerCost(program);
  registerSweep(program);
  registerWorker(program);
  registerResults(program);
  return program;
}

/** Runs the CLI on `argv` (as in `process.argv`) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.slice(2).includes('--debug');
  const writeErr = (text: string) => {
    process.stderr.write(text);
  };
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
  try {
    await buildProgram().parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) return reportCommanderError(err, writeErr);
    return reportError(err, debug, writeErr);
  }
}

/** Help and version end with exit 0; a usage error becomes one line plus a pointer to the help. */
function reportCommanderError(err: CommanderError, writeErr: (text: string) => void): number {
  if (err.exitCode === 0) return EXIT.ok;
  if (err.code === 'commander.help') return EXIT.usage;
  writeErr(`endgame: ${oneLine(err.message.replace(/^error:\s*/, ''))} (see endgame --help)\n`);
  return EXIT.usage;
}
