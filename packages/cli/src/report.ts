/**
 * `endgame report INPUT [--compare OTHER] [--mc N] --out DIR`: a scenario as
 * a Markdown note with SVG charts beside it (and, with `--html`, one
 * self-contained HTML page), built by `@endgame/report` — the same code the
 * web app's "export report" calls. This file only parses flags, runs the
 * scenario (and the Monte Carlo for fan bands) and writes the files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadAnalysisInput, parseCount, parseSeed, printWarnings } from './analysis-input.js';
import { CliError, describeFsError, EXIT } from './errors.js';
import { monteCarloBatch } from './failed-runs.js';
import { parseSetPairs, presetOptions } from './model-args.js';
import { assertReadableFile, collectSet } from './model-input.js';

/** Options of `report` as commander parses them. */
export interface ReportOptions {
  compare?: string;
  mc?: string;
  seed: string;
  workers: string;
  set?: string[];
  html?: boolean;
  out?: string;
}

const EXAMPLES = `
Examples:
  $ endgame report citrini-2028 --compare baseline --out out/
  $ endgame report citrini-2028 --compare baseline --mc 500 --seed 1 --html --out out/
  $ endgame report policy-response --compare citrini-2028 --out notes/endgame/
  $ endgame report my-scenario.yaml --set ai_tax_rate=0.1 --out out/

Writes DIR/<name>.md (YAML front matter, headline, charts, chain trace, scorecard, policy levers
and fiscal cost, Minsky classes, assumptions that differ from baseline, the command to reproduce)
and DIR/<name>-<chart>.svg beside it; --html adds DIR/<name>.html with the charts inlined.
--mc N draws fan bands (5–95 %, 25–75 %) from N seeded Monte Carlo runs of INPUT.`;

/** Adds the `report` command to `program`. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .summary('a scenario as a Markdown note with SVG charts (and HTML)')
    .description(
      'Write a readable report of a preset or scenario — Markdown with YAML front matter and SVG charts beside it, ready for a notes vault — optionally against another run and with Monte Carlo fan bands.',
    )
    .argument('<input>', 'preset name, scenario file or model file')
    .option('--compare <other>', 'a preset or scenario file to compare with (drawn as a dashed line)')
    .option('--mc <n>', 'Monte Carlo runs for fan bands on the charts')
    .option('--seed <s>', 'random seed of --mc (a whole number from 0 to 4294967295)', '1')
    .option('--workers <n>', 'worker threads for --mc (results do not depend on it)', '1')
    .option('--set <name=value>', 'override a param of INPUT (repeatable; wins over the scenario)', collectSet)
    .option('--html', 'also write one self-contained HTML file')
    .option('--out <dir>', 'folder to write the report to (created when missing)')
    .addHelpText('after', EXAMPLES)
    .action(async (input: string, options: ReportOptions) => {
      await runReport(input, options);
    });
}

/** The Monte Carlo percentiles of the charted series of `input` for `--mc`. */
async function monteCarloBands(
  input: string,
  set: Record<string, number>,
  runs: number,
  seed: number,
  workers: number,
): Promise<import('@endgame/report').ReportMonteCarlo> {
  const [analysis, model, report] = await Promise.all([
    import('@endgame/analysis'),
    import('@endgame/model'),
    import('@endgame/report'),
  ]);
  const { baselineView } = await import('./mc.js');
  const loaded = await loadAnalysisInput(input);
  const fixed = { ...loaded.set, ...set };
  const base = { ...loaded.base, params: { ...loaded.base.params, ...set } };
  const uncertain = analysis.scenarioUncertainParams(loaded.compiled, fixed, loaded.uncertainty);
  if (uncertain.length === 0) throw analysis.noUncertainParams(loaded.compiled);
  const names = new Set(loaded.compiled.slots.map((s) => s.name));
  const keep = report.HEADLINE_CHARTS.map((c) => c.series).filter((name) => names.has(name));
  const baseline = baselineView(input, loaded, model);
  const result = await monteCarloBatch(
    { analysis, workers, label: `report --mc ${loaded.name}`, detail: ' of the fan bands' },
    { compiled: loaded.compiled, base, uncertain, keep, runs, seed, chain: false, ...(baseline ? { baseline } : {}) },
  );
  return { runs: result.runs, seed: result.seed, percentiles: result.percentiles };
}

/** Creates `dir` and writes `files` (name → text) into it; a failure is one line naming the folder or file. */
export function writeReportFiles(dir: string, files: Record<string, string>): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new CliError(
      `cannot write the report to '${dir}': ${describeFsError(err)}; give a writable --out DIR`,
      EXIT.input,
    );
  }
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    try {
      writeFileSync(path, text);
    } catch (err) {
      throw new CliError(`cannot write '${path}': ${describeFsError(err)}; give a writable --out DIR`, EXIT.input);
    }
    written.push(path);
  }
  return written;
}

/** Runs `report` on `input` and writes the files. */
export async function runReport(input: string, options: ReportOptions): Promise<void> {
  if (options.out === undefined || options.out.trim() === '') {
    throw new CliError('report writes several files: give --out DIR (e.g. --out out/)', EXIT.usage);
  }
  const runs = options.mc === undefined ? undefined : parseCount(options.mc, '--mc');
  const seed = parseSeed(options.seed);
  const workers = parseCount(options.workers, '--workers');
  const set = parseSetPairs(options.set ?? []);
  const [model, report, { linkedomDocument }, { cliVersion }] = await Promise.all([
    import('@endgame/model'),
    import('@endgame/report'),
    import('@endgame/report/linkedom'),
    import('./main.js'),
  ]);
  for (const name of [input, options.compare])
    if (name !== undefined && model.isFileInput(name)) assertReadableFile(name);
  const run = model.runScenario(input, { ...presetOptions(), set });
  const compare = options.compare === undefined ? undefined : model.runScenario(options.compare, presetOptions());
  const mc = runs === undefined ? undefined : await monteCarloBands(input, set, runs, seed, workers);
  const built = report.buildReport({
    run,
    ...(compare ? { compare } : {}),
    ...(mc ? { mc } : {}),
    command: report.reproduceCommand({
      input,
      ...(options.compare ? { compare: options.compare } : {}),
      set,
      ...(runs === undefined ? {} : { mc: { runs, seed } }),
      html: options.html === true,
      out: options.out,
    }),
    runDate: new Date().toISOString(),
    version: cliVersion(),
    createDocument: linkedomDocument,
  });
  const files: Record<string, string> = { [`${built.name}.md`]: built.markdown, ...built.files };
  if (options.html) files[`${built.name}.html`] = built.html;
  const written = writeReportFiles(options.out, files);
  printWarnings([...run.warnings, ...(compare?.warnings ?? [])]);
  process.stdout.write(`wrote ${written.length} files to ${options.out}:\n${written.map((p) => `  ${p}\n`).join('')}`);
}
