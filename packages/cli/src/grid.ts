/**
 * `endgame grid INPUT --x PARAM:lo:hi:n --y PARAM:lo:hi:n --metric SERIES:REDUCER`:
 * an outcome map over two params, as CSV or JSON, and optionally an SVG heatmap.
 */
import { type Command, Option } from 'commander';
import { loadAnalysisInput, parseCount, parseParamRange, printWarnings } from './analysis-input.js';
import { formatJson } from './format-json.js';
import { recordInStore, STORE_OPTION_HELP } from './store-option.js';
import { writeOutput } from './write-output.js';

/** Options of `grid` as commander parses them. */
export interface GridOptions {
  x: string;
  y: string;
  metric: string;
  workers: string;
  format: 'csv' | 'json';
  svg?: string;
  out?: string;
  /** `--store [FILE]`: also record in the results store. */
  store?: string | boolean;
}

const EXAMPLES = `
Examples:
  $ endgame grid citrini-2028 --x diffusion_time:2:12:6 --y new_task_creation:0.2:1.2:6 --metric unemployment_rate:max --svg map.svg
  $ endgame grid examples/ishigami.yaml --x x1:-3:3:25 --y x2:-3:3:25 --metric y:last --format json

Each axis is PARAM:lo:hi:n (n evenly spaced values from lo to hi; the midpoint when n = 1); runs = n_x × n_y,
every other param as the scenario sets it. CSV: one line per cell (Y,X,METRIC). JSON:
{ "metric", "x": { "name", "values" }, "y": { "name", "values" }, "z": [[one row per y value, one cell per x value]] }.
--svg FILE also draws the map as an SVG heatmap (axes, ticks, colour legend, a title naming the metric).`;

/** Adds the `grid` command to `program`. */
export function registerGrid(program: Command): void {
  program
    .command('grid')
    .summary('an outcome map over two params (CSV/JSON, SVG heatmap)')
    .description('Evaluate one outcome on a grid of two params of a preset, scenario or model file.')
    .argument('<input>', 'preset name, scenario file or model file')
    .requiredOption('--x <PARAM:lo:hi:n>', 'the horizontal axis')
    .requiredOption('--y <PARAM:lo:hi:n>', 'the vertical axis')
    .requiredOption('--metric <SERIES:REDUCER>', 'the outcome, e.g. unemployment_rate:max')
    .option('--workers <N>', 'worker threads', '1')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .option('--svg <file>', 'also write an SVG heatmap to FILE')
    .option('--out <file>', 'write the CSV/JSON to FILE instead of stdout')
    .option('--store [file]', STORE_OPTION_HELP)
    .addHelpText('after', EXAMPLES)
    .action(async (input: string, options: GridOptions) => {
      await runGrid(input, options);
    });
}

/** Runs `grid` on `input` and writes the map (and the SVG). */
export async function runGrid(input: string, options: GridOptions): Promise<void> {
  const workers = parseCount(options.workers, '--workers');
  const analysis = await import('@endgame/analysis');
  const loaded = await loadAnalysisInput(input);
  const { compiled, base } = loaded;
  const x = parseParamRange(options.x, '--x', compiled, true);
  const y = parseParamRange(options.y, '--y', compiled, true);
  const outcome = analysis.parseOutcome(options.metric, compiled, base);
  printWarnings(loaded.warnings);
  const { createProgress } = await import('./progress.js');
  const progress = createProgress((x.n ?? 1) * (y.n ?? 1), `grid ${loaded.name}`);
  const runner = analysis.createRunner(workers);
  let map: import('@endgame/analysis').OutcomeMap;
  try {
    const evaluate = analysis.runnerEvaluate(runner, { compiled, base }, [x.name, y.name], [outcome], {
      onProgress: (done) => progress.update(done),
    });
    map = await analysis.outcomeMap(
      { name: x.name, lo: x.lo, hi: x.hi, n: x.n ?? 1 },
      { name: y.name, lo: y.lo, hi: y.hi, n: y.n ?? 1 },
      outcome.text,
      evaluate,
    );
  } finally {
    progress.stop();
    await runner.close();
  }
  if (options.svg !== undefined) {
    writeOutput(analysis.heatmapSvg(map, { title: `${outcome.text} — ${loaded.name}` }), options.svg);
  }
  writeOutput(options.format === 'json' ? formatJson(map) : analysis.outcomeMapCsv(map), options.out);
  await recordInStore(options.store, {
    kind: 'grid',
    input,
    params: { [x.name]: { from: x.lo, to: x.hi, n: x.n }, [y.name]: { from: y.lo, to: y.hi, n: y.n } },
    options: { metric: outcome.text },
    outputs: () => JSON.parse(formatJson(map)),
  });
}
