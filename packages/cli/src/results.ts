/**
 * `endgame results list|show|export|query`: what the results store holds —
 * recorded runs (`--store` on run, mc, sensitivity, grid) and sweeps — read
 * without writing (the store is opened read-only).
 */
import { existsSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { CliError } from './errors.js';
import { formatCsv } from './format-csv.js';
import { formatJson } from './format-json.js';
import { formatTable } from './format-table.js';
import { writeOutput } from './write-output.js';

/** Output formats of the `results` subcommands. */
export type ResultsFormat = 'table' | 'json' | 'csv';

/** Options shared by the `results` subcommands. */
export interface ResultsOptions {
  store?: string;
  format: ResultsFormat;
  out?: string;
}

const EXAMPLES = `
Examples:
  $ endgame results list                                  # every recorded run and sweep, newest first
  $ endgame results show 3f2a9c                           # one run (id or its first digits); a sweep lists its jobs
  $ endgame results show 3f2a9c --format csv --out jobs.csv
  $ endgame results export 3f2a9c --parquet ubi-grid.parquet   # a sweep: one row per job, a column per param/metric
  $ endgame results query "SELECT name, kind, status FROM runs"
  $ endgame results query "SELECT idx, metrics->>'$.\\"unemployment_rate:max\\"' AS u FROM jobs ORDER BY idx"

Tables: runs (id, kind, name, created_at, version, model_hash, scenario, params, seed, inputs, status, outputs)
and jobs (run_id, job_id, idx, params, status, error, metrics, worker, finished_at); JSON columns are DuckDB JSON.
The store is .endgame/results.duckdb unless --store FILE says otherwise.`;

/** Adds `results` and its subcommands to `program`. */
export function registerResults(program: Command): void {
  const results = program
    .command('results')
    .summary('list, show, export or query the results store')
    .description('Read the results store (DuckDB): recorded runs and sweeps with their inputs and outputs.')
    .addHelpText('after', EXAMPLES);
  const common = (command: Command, formats: ResultsFormat[] = ['table', 'json', 'csv']) =>
    command
      .option('--store <file>', 'the results store (default .endgame/results.duckdb)')
      .addOption(new Option('--format <format>', 'output format').choices(formats).default('table'))
      .option('--out <file>', 'write to FILE instead of stdout');
  common(results.command('list').description('every recorded run and sweep, newest first')).action(
    async (options: ResultsOptions) => {
      await withStore(options, async (store) => listRuns(store, options));
    },
  );
  common(
    results.command('show').description('one run; for a sweep, its jobs').argument('<id>', 'run id or a prefix of it'),
  ).action(async (id: string, options: ResultsOptions) => {
    await withStore(options, async (store) => showRun(store, id, options));
  });
  results
    .command('export')
    .description('write a sweep (one row per job), a run, or every run as Parquet')
    .argument('[id]', 'run id or prefix (default: the whole runs table)')
    .requiredOption('--parquet <file>', 'the Parquet file to write')
    .option('--store <file>', 'the results store (default .endgame/results.duckdb)')
    .action(async (id: string | undefined, options: { parquet: string; store?: string }) => {
      await withStore(options, async (store) => {
        const rows = await store.exportParquet(options.parquet, id);
        process.stderr.write(`endgame: wrote ${rows} rows to ${options.parquet}\n`);
      });
    });
  common(results.command('query').description('run SQL on the store').argument('<sql>', 'a SQL query')).action(
    async (sql: string, options: ResultsOptions) => {
      await withStore(options, async (store) => {
        const { columns, rows } = await store.query(sql);
        writeOutput(renderRows(columns, rows, options.format), options.out);
      });
    },
  );
}

type Store = import('@endgame/store').ResultsStore;

/** Opens the store read-only, runs `body`, closes it; store errors become one-line input errors. */
async function withStore(options: { store?: string }, body: (store: Store) => Promise<void>): Promise<void> {
  const { DEFAULT_STORE_PATH, ResultsStore } = await import('@endgame/store');
  const path = options.store ?? DEFAULT_STORE_PATH;
  if (!existsSync(path)) {
    throw new CliError(`no results store at '${path}' yet: record one with endgame sweep, or run/mc/grid --store`);
  }
  let store: Store | undefined;
  try {
    store = await ResultsStore.open(path, { readOnly: true });
    await body(store);
  } finally {
    await store?.close();
  }
}

/** A cell as text: numbers as is, objects as compact JSON, null empty. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Rows as a table, JSON (array of objects) or CSV. */
export function renderRows(columns: string[], rows: unknown[][], format: ResultsFormat): string {
  if (format === 'json') return formatJson(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]]))));
  const text = rows.map((row) => row.map(cellText));
  if (format === 'csv') return formatCsv(columns, text);
  return formatTable({ headers: columns, rows: text, maxWidth: columns.map(() => 60) });
}

async function listRuns(store: Store, options: ResultsOptions): Promise<void> {
  const runs = await store.listRuns();
  const columns = ['id', 'kind', 'name', 'created_at', 'status', 'seed', 'jobs', 'failed', 'model_hash', 'version'];
  const rows = runs.map((r) => [
    options.format === 'table' ? r.id.slice(0, 12) : r.id,
    r.kind,
    r.name,
    r.createdAt,
    r.status,
    r.seed,
    r.jobs,
    r.failed,
    options.format === 'table' ? r.modelHash.slice(0, 12) : r.modelHash,
    r.version,
  ]);
  writeOutput(renderRows(columns, rows, options.format), options.out);
}

async function showRun(store: Store, id: string, options: ResultsOptions): Promise<void> {
  const run = await store.findRun(id);
  const jobs = run.kind === 'sweep' ? await store.jobs(run.id) : [];
  if (options.format === 'json') {
    writeOutput(formatJson({ ...run, ...(run.kind === 'sweep' ? { jobList: jobs } : {}) }), options.out);
    return;
  }
  if (run.kind !== 'sweep') {
    const rows = [
      ['id', run.id],
      ['kind', run.kind],
      ['name', run.name],
      ['created_at', run.createdAt],
      ['version', run.version],
      ['model_hash', run.modelHash],
      ['seed', run.seed ?? ''],
      ['params', run.params],
      ['inputs', run.inputs],
      ['status', run.status],
      ['outputs', options.format === 'csv' ? run.outputs : '(use --format json to see them)'],
    ];
    writeOutput(renderRows(['field', 'value'], rows, options.format), options.out);
    return;
  }
  const params = [...new Set(jobs.flatMap((j) => Object.keys(j.params)))];
  const metrics = [...new Set(jobs.flatMap((j) => Object.keys(j.metrics ?? {})))];
  const columns = ['idx', ...params, ...metrics, 'status', 'error', 'worker'];
  const rows = jobs.map((j) => [
    j.index,
    ...params.map((p) => j.params[p]),
    ...metrics.map((m) => j.metrics?.[m] ?? null),
    j.status,
    j.error ?? '',
    j.worker ?? '',
  ]);
  if (options.format === 'table') {
    process.stderr.write(`sweep ${run.name} (${run.id.slice(0, 12)}): ${run.jobs} jobs, ${run.failed} failed\n`);
  }
  writeOutput(renderRows(columns, rows, options.format), options.out);
}
