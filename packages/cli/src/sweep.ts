/**
 * `endgame sweep SPEC.yaml`: runs a sweep (a scenario, a grid and/or a
 * sampled design, the metrics to keep) into the results store, on the local
 * worker pool or on a BullMQ queue in Redis served by `endgame worker`
 * processes on any number of machines. `--resume` runs only the jobs the
 * store has no result for.
 */
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { parseCount } from './analysis-input.js';
import { CliError, cannotRead, EXIT } from './errors.js';
import { formatJson } from './format-json.js';
import { formatTable } from './format-table.js';
import { assertReadableFile } from './model-input.js';
import { writeOutput } from './write-output.js';

/** Options of `sweep` as commander parses them. */
export interface SweepOptions {
  backend: 'local' | 'queue';
  workers: string;
  redis?: string;
  queue?: string;
  store?: string;
  resume?: boolean;
  requeueMs: string;
  format: 'table' | 'json';
  out?: string;
}

const EXAMPLES = `
Examples:
  $ endgame sweep examples/sweeps/ubi-grid.yaml                       # local worker pool, into .endgame/results.duckdb
  $ endgame sweep examples/sweeps/ubi-grid.yaml --workers 4 --format json
  $ endgame sweep examples/sweeps/ubi-grid.yaml --backend queue --redis redis://10.0.0.5:6379
  $ endgame sweep examples/sweeps/ubi-grid.yaml --backend queue --redis redis://10.0.0.5:6379 --resume

SPEC (YAML): scenario: (preset or file, relative to the spec), optional set:, grid: { PARAM: [values] or
{ from, to, n } }, sample: { design: sobol | latin-hypercube | monte-carlo, n, seed, params: { PARAM: [lo, hi] } },
metrics: [SERIES:REDUCER or a named outcome]. Jobs = grid points × sampled points; schema: schemas/sweep.schema.json.
Each job's id is the hash of its inputs and results are upserted, so every result is kept once; --resume runs
only the jobs without a result. With --backend queue, start workers anywhere with: endgame worker --redis URL.
A job whose model fails is recorded as failed with its error; the sweep goes on and the summary counts it.
See docs/sweeps.md.`;

/** Adds the `sweep` command to `program`. */
export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .summary('run a sweep spec (grid / Sobol / Latin hypercube / Monte Carlo) into the results store')
    .description('Run every point of a sweep spec, locally or on a Redis queue, recording results in the store.')
    .argument('<spec>', 'the sweep spec (YAML)')
    .addOption(new Option('--backend <backend>', 'where jobs run').choices(['local', 'queue']).default('local'))
    .option('--workers <N>', 'local worker threads (--backend local)', '1')
    .option('--redis <url>', 'redis://[user:password@]host:port or rediss:// for TLS (--backend queue)')
    .option('--queue <name>', 'BullMQ queue name (workers must use the same)')
    .option('--store <file>', 'the results store (default .endgame/results.duckdb)')
    .option('--resume', 'run only the jobs the store has no result for')
    .option('--requeue-ms <ms>', 're-add missing jobs after this long without a result (--backend queue)', '5000')
    .addOption(new Option('--format <format>', 'summary format').choices(['table', 'json']).default('table'))
    .option('--out <file>', 'write the summary to FILE instead of stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (spec: string, options: SweepOptions) => {
      await runSweepCommand(spec, options);
    });
}

/** Runs `sweep` on the spec file `specPath`. */
export async function runSweepCommand(specPath: string, options: SweepOptions): Promise<void> {
  const workers = parseCount(options.workers, '--workers');
  const requeueMs = parseCount(options.requeueMs, '--requeue-ms', 10);
  if (options.backend === 'queue' && options.redis === undefined) {
    throw new CliError('--backend queue needs --redis redis://host:port', EXIT.usage);
  }
  const distributed = await import('@endgame/distributed');
  const { DEFAULT_STORE_PATH, ResultsStore, contentHash } = await import('@endgame/store');
  if (options.redis !== undefined) distributed.checkRedisUrl(options.redis);
  assertReadableFile(specPath);
  let text: string;
  try {
    text = readFileSync(specPath, 'utf8');
  } catch (err) {
    throw cannotRead(specPath, err);
  }
  const spec = distributed.parseSweepSpec(text, specPath);
  const { loadSweep } = await import('./sweep-input.js');
  const { plan, jobs, files } = await loadSweep(spec, specPath);
  const name = spec.name ?? specPath.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  const { cliVersion } = await import('./main.js');
  const log = (line: string) => process.stderr.write(`endgame sweep: ${line}\n`);
  const backend =
    options.backend === 'queue'
      ? distributed.createQueueBackend({
          redisUrl: options.redis as string,
          ...(options.queue ? { queue: options.queue } : {}),
          requeueAfterMs: requeueMs,
          log,
        })
      : distributed.createLocalBackend(workers);
  const store = await ResultsStore.open(options.store ?? DEFAULT_STORE_PATH);
  const { createProgress } = await import('./progress.js');
  let progress: import('./progress.js').Progress | undefined;
  let summary: import('@endgame/distributed').SweepSummary;
  try {
    const finished = options.resume ? (await store.finishedJobIds(plan.sweepId)).size : 0;
    progress = createProgress(jobs.length - Math.min(finished, jobs.length), `sweep ${name}`, { unit: 'jobs' });
    summary = await distributed.runSweep({
      store,
      spec,
      name,
      plan,
      jobs,
      backend,
      resume: options.resume === true,
      version: cliVersion(),
      modelHash: contentHash(files.model.files),
      ...(files.resolved ? { scenario: files.resolved } : {}),
      onProgress: (done) => progress?.update(done),
    });
  } finally {
    progress?.stop();
    await backend.close();
    await store.close();
  }
  writeOutput(options.format === 'json' ? formatJson(summary) : summaryTable(summary), options.out);
}

/** The summary as a two-column table, failures listed after it. */
function summaryTable(summary: import('@endgame/distributed').SweepSummary): string {
  const rows: [string, string][] = [
    ['sweep', `${summary.name} (${summary.sweepId.slice(0, 12)})`],
    ['backend', summary.backend],
    ['jobs', String(summary.jobs)],
    ['ran now', String(summary.ran)],
    ['already in store', String(summary.skipped)],
    ['ok', String(summary.ok)],
    ['failed', String(summary.failed)],
    ['seconds', String(summary.seconds)],
    ['store', summary.store],
  ];
  let text = formatTable({ headers: ['', ''], rows })
    .split('\n')
    .slice(2)
    .join('\n');
  for (const failure of summary.failures) text += `failed job #${failure.index}: ${failure.error}\n`;
  if (summary.failed > summary.failures.length) {
    text += `… ${summary.failed - summary.failures.length} more failures: endgame results show ${summary.sweepId.slice(0, 12)}\n`;
  }
  return text;
}
