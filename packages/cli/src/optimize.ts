/**
 * `endgame optimize INPUT --lever PARAM:lo:hi ... --objective OUTCOME --constraint 'OUTCOME<=x' ...`:
 * the policy levers that minimise an objective subject to constraints, under
 * the scenario or robustly across Monte Carlo draws of its uncertain params.
 */
import type { Outcome, OutcomeEvaluate } from '@endgame/analysis';
import { type Command, Option } from 'commander';
import { loadAnalysisInput, parseCount, parseParamRange, parseSeed, printWarnings } from './analysis-input.js';
import { CliError, EXIT } from './errors.js';
import { formatJson } from './format-json.js';
import { formatNumber } from './format-number.js';
import { formatTable } from './format-table.js';
import { collectSet } from './model-input.js';
import { writeOutput } from './write-output.js';

/** Options of `optimize` as commander parses them. */
export interface OptimizeCliOptions {
  lever?: string[];
  objective: string;
  constraint?: string[];
  robust?: string;
  seed: string;
  restarts: string;
  maxEvals?: string;
  workers: string;
  format: 'json' | 'table';
  out?: string;
}

/** JSON output of `optimize`. */
export interface OptimizeReport {
  input: string;
  objective: { outcome: string; value: number };
  levers: Record<string, number>;
  constraints: import('@endgame/analysis').ConstraintReport[];
  feasible: boolean;
  /** Headline outcomes at the best levers (under the scenario itself). */
  outcomes: Record<string, number>;
  robust: number | null;
  seed: number;
  evaluations: number;
  runs: number;
}

const EXAMPLES = `
Examples:
  $ endgame optimize policy-response --lever ubi_amount:0:15 --lever ai_tax_rate:0:0.3 \\
      --objective fiscal_cost --constraint 'unemployment_rate:max<=0.08' --constraint 'recession_years<=0'
  $ endgame optimize citrini-2028 --lever policy_aggressiveness:0.5:3 --objective welfare_loss --robust 20

OUTCOME is SERIES:REDUCER (reducers: last, max, min, mean, drawdown, peak_date, at=YYYY-MM, at=PERIOD) or a
named outcome of the AI-endgame model: fiscal_cost (cumulative deficit 2026-2030), welfare_loss (mean rise of
unemployment in points plus consumption shortfall in percent), recession_years (years with an L13 recession;
'recession_years<=0' = no recession). Nelder-Mead from the box's centre and --restarts - 1 seeded random starts,
each polished once; constraints by an exact penalty; the best feasible point wins. --robust N evaluates each
lever setting on N seeded draws of the uncertain params: the objective is their mean, each constraint must hold
in the worst draw. The report gives each constraint's slack (distance to its bound; negative = violated) and
whether it binds (slack within 1 % of the bound).`;

/** Adds the `optimize` command to `program`. */
export function registerOptimize(program: Command): void {
  program
    .command('optimize')
    .summary('policy levers that minimise an objective under constraints')
    .description('Search policy levers of a preset, scenario or model file for the best objective under constraints.')
    .argument('<input>', 'preset name, scenario file or model file')
    .option('--lever <PARAM:lo:hi>', 'a param to search over [lo, hi] (repeatable)', collectSet)
    .option('--objective <OUTCOME>', 'what to minimise: fiscal_cost, welfare_loss or SERIES:REDUCER', 'fiscal_cost')
    .option('--constraint <OUTCOME<=x>', "a constraint, e.g. 'unemployment_rate:max<=0.08' (repeatable)", collectSet)
    .option('--robust <N>', 'evaluate every setting on N Monte Carlo draws')
    .option('--seed <S>', 'random seed (starts and draws)', '1')
    .option('--restarts <N>', 'Nelder-Mead starts', '3')
    .option('--max-evals <N>', 'evaluations per Nelder-Mead phase (default 40 × (levers + 1))')
    .option('--workers <N>', 'worker threads', '1')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .option('--out <file>', 'write the output to FILE instead of stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (input: string, options: OptimizeCliOptions) => {
      await runOptimize(input, options);
    });
}

/** Runs `optimize` on `input` and writes the report. */
export async function runOptimize(input: string, options: OptimizeCliOptions): Promise<void> {
  const seed = parseSeed(options.seed);
  const restarts = parseCount(options.restarts, '--restarts');
  const workers = parseCount(options.workers, '--workers');
  const robust = options.robust === undefined ? undefined : parseCount(options.robust, '--robust');
  if (!options.lever || options.lever.length === 0) {
    throw new CliError('optimize needs at least one --lever PARAM:lo:hi, e.g. --lever ubi_amount:0:15', EXIT.usage);
  }
  const analysis = await import('@endgame/analysis');
  const loaded = await loadAnalysisInput(input);
  const { compiled, base } = loaded;
  const levers = options.lever.map((text) => parseParamRange(text, '--lever', compiled, false));
  analysis.checkLevers(levers);
  const maxEvaluations =
    options.maxEvals === undefined ? 40 * (levers.length + 1) : parseCount(options.maxEvals, '--max-evals');
  const objective = analysis.parseOutcome(options.objective, compiled, base);
  const constraints = (options.constraint ?? []).map((text) => analysis.parseConstraint(text));
  const outcomes: Outcome[] = [objective, ...constraints.map((c) => analysis.parseOutcome(c.outcome, compiled, base))];
  const names = levers.map((l) => l.name);
  const draws = robust === undefined ? undefined : robustDraws(analysis, loaded, names, robust, seed);
  printWarnings(loaded.warnings);

  const runner = analysis.createRunner(workers);
  let runs = 0;
  try {
    const k = levers.length;
    const evaluate: OutcomeEvaluate = draws
      ? async (points) => {
          const rows = points.length / k;
          const m = draws.names.length;
          const samples = new Float64Array(rows * draws.count * (k + m));
          for (let p = 0; p < rows; p++) {
            for (let d = 0; d < draws.count; d++) {
              const at = (p * draws.count + d) * (k + m);
              samples.set(points.subarray(p * k, (p + 1) * k), at);
              samples.set(draws.values.subarray(d * m, (d + 1) * m), at + k);
            }
          }
          runs += rows * draws.count;
          const raw = await analysis.runnerEvaluate(
            runner,
            { compiled, base },
            [...names, ...draws.names],
            outcomes,
          )(samples, k + m);
          return analysis.robustOutcomes(raw, rows, draws.count, constraints);
        }
      : async (points) => {
          runs += points.length / k;
          return analysis.runnerEvaluate(runner, { compiled, base }, names, outcomes)(points, k);
        };
    const result = await analysis.optimize(levers, constraints, evaluate, { seed, restarts, maxEvaluations });
    const headline = analysis.HEADLINE_METRICS.filter((text) =>
      compiled.slots.some((s) => s.name === text.split(':')[0]),
    ).map((text) => analysis.parseOutcome(text, compiled, base));
    const best = Float64Array.from(names.map((n) => result.levers[n]));
    const values = headline.length
      ? await analysis.runnerEvaluate(runner, { compiled, base }, names, headline)(best, names.length)
      : new Float64Array(0);
    const report: OptimizeReport = {
      input,
      objective: { outcome: objective.text, value: result.objective },
      levers: result.levers,
      constraints: result.constraints,
      feasible: result.feasible,
      outcomes: Object.fromEntries(headline.map((h, i) => [h.text, values[i]])),
      robust: robust ?? null,
      seed,
      evaluations: result.evaluations,
      runs,
    };
    writeOutput(options.format === 'json' ? formatJson(report) : optimizeTable(report), options.out);
  } finally {
    await runner.close();
  }
}

/** The Monte Carlo draws of `--robust N`: the uncertain params other than the levers. */
function robustDraws(
  analysis: typeof import('@endgame/analysis'),
  loaded: Awaited<ReturnType<typeof loadAnalysisInput>>,
  levers: readonly string[],
  count: number,
  seed: number,
): { names: string[]; values: Float64Array; count: number } {
  const uncertain = analysis
    .scenarioUncertainParams(loaded.compiled, loaded.set, loaded.uncertainty)
    .filter((p) => !levers.includes(p.name));
  if (uncertain.length === 0) throw analysis.noUncertainParams(loaded.compiled);
  return { names: uncertain.map((p) => p.name), values: analysis.drawSamples(uncertain, count, seed), count };
}

/** The report as readable text: levers, objective, constraints with slack, headline outcomes. */
export function optimizeTable(report: OptimizeReport): string {
  const parts: string[] = [];
  const how = report.robust ? `robust over ${report.robust} draws` : 'under the scenario';
  parts.push(
    `Best policy for ${report.input} (${how}; ${report.evaluations} evaluations, ${report.runs} runs, seed ${report.seed})` +
      `${report.feasible ? '' : ' — NO FEASIBLE POINT FOUND: the least infeasible is shown'}\n`,
  );
  parts.push(
    formatTable({
      headers: ['lever', 'value'],
      rows: Object.entries(report.levers).map(([name, v]) => [name, formatNumber(v)]),
      align: ['left', 'right'],
    }),
  );
  parts.push(`objective ${report.objective.outcome} = ${formatNumber(report.objective.value)}\n`);
  if (report.constraints.length > 0) {
    parts.push(
      formatTable({
        headers: ['constraint', 'value', 'slack', 'status'],
        rows: report.constraints.map((c) => [
          c.text,
          formatNumber(c.value),
          formatNumber(c.slack),
          c.satisfied ? (c.binding ? 'binding' : 'slack') : 'VIOLATED',
        ]),
        align: ['left', 'right', 'right', 'left'],
      }),
    );
  }
  const outcomes = Object.entries(report.outcomes);
  if (outcomes.length > 0) {
    parts.push(
      formatTable({
        headers: ['outcome (scenario run)', 'value'],
        rows: outcomes.map(([name, v]) => [name, formatNumber(v)]),
        align: ['left', 'right'],
      }),
    );
  }
  return parts.join('\n');
}
