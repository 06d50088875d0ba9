/**
 * `endgame cost`: AI agents against a human team for one software job
 * (MODEL.md §8). The default is the compiler case (16 agents, two weeks,
 * 2 B input + 140 M output tokens, ≈ 100k lines); every assumption is shown
 * and overridable. The formula is the model's own (`@endgame/model`
 * `compareCost`), the one that drives the software block.
 */
import type { CostComparison, CostInputs } from '@endgame/model';
import { type Command, Option } from 'commander';
import { CliError, EXIT } from './errors.js';
import { formatJson } from './format-json.js';
import { formatNumber } from './format-number.js';
import { formatTable } from './format-table.js';
import { writeOutput } from './write-output.js';

/** Options of `cost` as commander parses them (numbers still as text). */
export interface CostOptions {
  lines?: string;
  days?: string;
  agents?: string;
  tokenPriceIn?: string;
  tokenPriceOut?: string;
  wage?: string;
  locPerDevDay?: string;
  year?: string;
  format: 'json' | 'table';
  out?: string;
}

const EXAMPLES = `
Examples:
  $ endgame cost                                 # the compiler case: 16 agents, two weeks, ~$20k
  $ endgame cost --year 2028                     # the same job at the 2028 AI price
  $ endgame cost --lines 20000 --agents 4 --wage 160000
  $ endgame cost --loc-per-dev-day 25 --format json

The AI cost = (input tokens x input price + output tokens x output price), scaled to --lines, times
the AI price index of --year (the model's frontier-tier price trend, -15 %/yr in log terms). The
human team is the smallest team that finishes in the agents' calendar time at --loc-per-dev-day,
paid the loaded cost (wage x 1.42). Assumptions come from packages/model/data/calibration.json or
are declared assumptions with a range (see the table's source column).
JSON output: { "ai": { "cost_usd", "days", "cost_per_line_usd" },
  "human": { "cost_usd", "days", "team_size", "cost_per_line_usd" }, "cost_ratio", "assumptions": {...} }`;

const NUMERIC_FLAGS: [keyof CostInputs, string, string][] = [
  ['lines', '--lines <n>', 'lines of code of the job (default 100000)'],
  ['days', '--days <n>', 'calendar days of the job with 16 agents at 100k lines (default 14)'],
  ['agents', '--agents <n>', 'AI agents in parallel (default 16; calendar time scales with 16 / agents)'],
  ['tokenPriceIn', '--token-price-in <usd>', 'USD per million input tokens (default 8.25, effective)'],
  ['tokenPriceOut', '--token-price-out <usd>', 'USD per million output tokens (default 25)'],
  ['wage', '--wage <usd>', 'mean annual developer wage (default 144570, BLS 2024)'],
  ['locPerDevDay', '--loc-per-dev-day <n>', 'finished lines per developer working day (default 50)'],
  ['year', '--year <yyyy>', 'year the job is done: applies the AI price trend (default 2026.1)'],
];

/** Adds the `cost` command to `program`. */
export function registerCost(program: Command): void {
  const command = program
    .command('cost')
    .summary('compare AI agents with a human team for a software job')
    .description(
      'Compare the cost and calendar time of AI agents with a human team for one software job (default: the compiler case), every assumption shown.',
    );
  for (const [, flags, help] of NUMERIC_FLAGS) command.option(flags, help);
  command
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .option('--out <file>', 'write the output to FILE instead of stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (options: CostOptions) => {
      await runCost(options);
    });
}

/** Parses the numeric flags; a non-number is a usage error naming the flag. */
export function costInputs(options: CostOptions): CostInputs {
  const inputs: CostInputs = {};
  for (const [key, flags] of NUMERIC_FLAGS) {
    const text = options[key];
    if (text === undefined) continue;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) {
      throw new CliError(`bad ${flags.split(' ')[0]} '${text}': expected a number`, EXIT.usage);
    }
    inputs[key] = value;
  }
  return inputs;
}

/** Runs `cost` and writes the comparison. */
export async function runCost(options: CostOptions): Promise<void> {
  const inputs = costInputs(options);
  const { compareCost } = await import('@endgame/model');
  const comparison = compareCost(inputs);
  writeOutput(options.format === 'json' ? formatJson(comparison) : costTable(comparison), options.out);
}

const usd = (value: number): string =>
  `$${value >= 100 ? Math.round(value).toLocaleString('en-US') : Number(value.toPrecision(3)).toString()}`;

/** The comparison as two small tables: the result, then every assumption with its source. */
export function costTable(c: CostComparison): string {
  const result = formatTable({
    headers: ['', 'cost', 'calendar days', 'team', 'cost per line'],
    rows: [
      [
        'AI agents',
        usd(c.ai.cost_usd),
        formatNumber(c.ai.days),
        formatNumber(c.assumptions.code_agents.value),
        usd(c.ai.cost_per_line_usd),
      ],
      [
        'human team',
        usd(c.human.cost_usd),
        formatNumber(c.human.days),
        formatNumber(c.human.team_size),
        usd(c.human.cost_per_line_usd),
      ],
    ],
    align: ['left', 'right', 'right', 'right', 'right'],
  });
  const ratio = `AI cost per line = ${formatNumber(Number(c.cost_ratio.toPrecision(3)))} x human (the unit cost the model's software block uses)`;
  const assumptions = formatTable({
    headers: ['assumption', 'value', 'unit', 'source', 'what'],
    rows: Object.entries(c.assumptions).map(([name, a]) => [
      `${name}${a.overridden ? ' *' : ''}`,
      formatNumber(a.value),
      a.unit,
      a.source,
      a.doc,
    ]),
    maxWidth: [undefined, undefined, undefined, 60, 70],
  });
  return `${result}${ratio}\n\nassumptions (* = set on the command line):\n${assumptions}`;
}
