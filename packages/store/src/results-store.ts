/**
 * The results store: an embedded DuckDB file (no server) holding recorded
 * runs and sweep jobs. Every write is one transaction, so a killed process
 * leaves the file readable (DuckDB replays or drops its write-ahead log on
 * the next open) and loses at most the write in flight. One process writes
 * a store at a time (DuckDB locks the file); others get a clear error.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { StoreError } from './store-error.js';
import { STORE_DDL, STORE_SCHEMA_VERSION } from './store-schema.js';
import type { JobRecord, QueryResult, RunRecord, RunStatus, StoredJob, StoredRun } from './store-types.js';

/** Where the CLI keeps its store unless told otherwise (relative to the working directory). */
export const DEFAULT_STORE_PATH = '.endgame/results.duckdb';

/** Jobs per INSERT statement (8 parameters each). */
const ROWS_PER_INSERT = 200;

/** Options of {@link ResultsStore.open}. */
export interface OpenStoreOptions {
  /** Open without writing (several readers may share a file no one writes). */
  readOnly?: boolean;
}

/** JSON text of `value`, with non-finite numbers as null (undefined → SQL NULL). */
function jsonOrNull(value: unknown): string | null {
  return value === undefined
    ? null
    : JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
}

/** A DuckDB failure as a one-line message, the store's path first. */
function storeFailure(path: string, err: unknown): StoreError {
  const message = err instanceof Error ? err.message : String(err);
  if (/lock/i.test(message)) {
    return new StoreError(
      `store '${path}' is in use by another endgame process; wait for it or use another --store FILE`,
    );
  }
  return new StoreError(`store '${path}': ${message.split('\n')[0]}`);
}

/** Parses a JSON column (DuckDB returns JSON as text). */
function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : (value ?? undefined);
}

/** The results store on one DuckDB file. Create with {@link ResultsStore.open}; {@link close} when done. */
export class ResultsStore {
  /** The file's path. */
  readonly path: string;
  private readonly instance: DuckDBInstance;
  private readonly connection: DuckDBConnection;
  /** Writes run one after another (a connection holds one transaction at a time). */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(path: string, instance: DuckDBInstance, connection: DuckDBConnection) {
    this.path = path;
    this.instance = instance;
    this.connection = connection;
  }

  /** Opens (creating it and its folder, unless read-only) the store at `path`. */
  static async open(path: string = DEFAULT_STORE_PATH, options: OpenStoreOptions = {}): Promise<ResultsStore> {
    if (!options.readOnly) {
      try {
        mkdirSync(dirname(path), { recursive: true });
      } catch (err) {
        throw storeFailure(path, err);
      }
    }
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, {
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
        ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
      });
    } catch (err) {
      throw storeFailure(path, err);
    }
    const store = new ResultsStore(path, instance, await instance.connect());
    if (!options.readOnly) {
      await store.write(async (c) => {
        for (const ddl of STORE_DDL) await c.run(ddl);
        await c.run(`INSERT OR REPLACE INTO store_meta VALUES ('schema_version', $1)`, [String(STORE_SCHEMA_VERSION)]);
      });
    }
    return store;
  }

  /** Runs `body` in one transaction, after every earlier write; rolls back when it throws. */
  private write<T>(body: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      await this.connection.run('BEGIN TRANSACTION');
      try {
        const result = await body(this.connection);
        await this.connection.run('COMMIT');
        return result;
      } catch (err) {
        await this.connection.run('ROLLBACK').catch(() => {});
        throw err instanceof StoreError ? err : storeFailure(this.path, err);
      }
    });
    this.queue = next.catch(() => {});
    return next;
  }

  /** Records `run` (insert, or update the row with the same id, keeping its first time). */
  async recordRun(run: RunRecord): Promise<void> {
    await this.write(async (c) => {
      await c.run(
        `INSERT INTO runs VALUES ($1, $2, $3, current_timestamp::TIMESTAMP, $4, $5, $6::JSON, $7::JSON, $8::BIGINT, $9::JSON, $10, $11::JSON)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, version = excluded.version,
           model_hash = excluded.model_hash, scenario = excluded.scenario, params = excluded.params, seed = excluded.seed,
           inputs = excluded.inputs, status = excluded.status, outputs = excluded.outputs`,
        [
          run.id,
          run.kind,
          run.name,
          run.version,
          run.modelHash,
          jsonOrNull(run.scenario),
          jsonOrNull(run.params) ?? '{}',
          run.seed ?? null,
          jsonOrNull(run.inputs) ?? 'null',
          run.status,
          jsonOrNull(run.outputs),
        ] as DuckDBValue[],
      );
    });
  }

  /** Sets a recorded run's status (and outputs, when given). */
  async setRunStatus(id: string, status: RunStatus, outputs?: unknown): Promise<void> {
    await this.write(async (c) => {
      if (outputs === undefined) await c.run('UPDATE runs SET status = $1 WHERE id = $2', [status, id]);
      else
        await c.run('UPDATE runs SET status = $1, outputs = $2::JSON WHERE id = $3', [status, jsonOrNull(outputs), id]);
    });
  }

  /** Upserts sweep jobs, all in one transaction: a job recorded twice stays one row (the last write). */
  async upsertJobs(jobs: readonly JobRecord[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.write(async (c) => {
      for (let from = 0; from < jobs.length; from += ROWS_PER_INSERT) {
        const batch = jobs.slice(from, from + ROWS_PER_INSERT);
        const tuples = batch.map((_, i) => {
          const p = (k: number) => `$${i * 8 + k}`;
          return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::JSON, ${p(5)}, ${p(6)}, ${p(7)}::JSON, ${p(8)}, current_timestamp::TIMESTAMP)`;
        });
        const values = batch.flatMap((job) => [
          job.runId,
          job.jobId,
          job.index,
          jsonOrNull(job.params) ?? '{}',
          job.status,
          job.error ?? null,
          jsonOrNull(job.metrics),
          job.worker ?? null,
        ]);
        await c.run(
          `INSERT INTO jobs VALUES ${tuples.join(', ')}
           ON CONFLICT (run_id, job_id) DO UPDATE SET idx = excluded.idx, params = excluded.params, status = excluded.status,
             error = excluded.error, metrics = excluded.metrics, worker = excluded.worker, finished_at = excluded.finished_at`,
          values as DuckDBValue[],
        );
      }
    });
  }

  /** Ids of the jobs of sweep `runId` that have a result (ok or failed). */
  async finishedJobIds(runId: string): Promise<Set<string>> {
    const reader = await this.read('SELECT job_id FROM jobs WHERE run_id = $1', [runId]);
    return new Set(reader.rows.map((row) => String(row[0])));
  }

  /** Every recorded run, newest first. */
  async listRuns(): Promise<StoredRun[]> {
    const { rows, columns } = await this.read(`${RUN_SELECT} ORDER BY r.created_at DESC, r.id`);
    return rows.map((row) => storedRun(columns, row));
  }

  /** The run whose id is `idOrPrefix` or starts with it (at least 4 characters); a clear error when none or several. */
  async findRun(idOrPrefix: string): Promise<StoredRun> {
    if (!/^[0-9a-f]{4,64}$/.test(idOrPrefix)) {
      throw new StoreError(`bad run id '${idOrPrefix}': expected at least 4 hex digits (see endgame results list)`);
    }
    const { rows, columns } = await this.read(`${RUN_SELECT} WHERE starts_with(r.id, $1) ORDER BY r.id`, [idOrPrefix]);
    if (rows.length === 0)
      throw new StoreError(`no run '${idOrPrefix}' in store '${this.path}' (see endgame results list)`);
    if (rows.length > 1)
      throw new StoreError(`run id '${idOrPrefix}' is ambiguous (${rows.length} runs); give more digits`);
    return storedRun(columns, rows[0]);
  }

  /**
   * How many jobs of sweep `runId` have a result and how many of those failed, with the first
   * `limit` failures in design order (counted in the database: a sweep may have millions of jobs).
   */
  async jobCounts(
    runId: string,
    limit: number,
  ): Promise<{ jobs: number; failed: number; failures: { index: number; error: string }[] }> {
    const counts = await this.read(
      `SELECT count(*) AS jobs, count(*) FILTER (WHERE status = 'failed') AS failed FROM jobs WHERE run_id = $1`,
      [runId],
    );
    const first = await this.read(
      `SELECT idx, error FROM jobs WHERE run_id = $1 AND status = 'failed' ORDER BY idx, job_id LIMIT $2`,
      [runId, Math.max(0, Math.floor(limit))],
    );
    return {
      jobs: Number(counts.rows[0][0]),
      failed: Number(counts.rows[0][1]),
      failures: first.rows.map((row) => ({ index: Number(row[0]), error: row[1] === null ? '' : String(row[1]) })),
    };
  }

  /** The jobs of sweep `runId`, in design order. */
  async jobs(runId: string): Promise<StoredJob[]> {
    const { rows, columns } = await this.read(
      `SELECT run_id, job_id, idx, params, status, error, metrics, worker, strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS finished_at
       FROM jobs WHERE run_id = $1 ORDER BY idx, job_id`,
      [runId],
    );
    return rows.map((row) => {
      const get = (name: string) => row[columns.indexOf(name)];
      const error = get('error');
      const worker = get('worker');
      return {
        runId: String(get('run_id')),
        jobId: String(get('job_id')),
        index: Number(get('idx')),
        params: parseJson(get('params')) as Record<string, number>,
        status: get('status') as StoredJob['status'],
        ...(error === null ? {} : { error: String(error) }),
        metrics: parseJson(get('metrics')) as Record<string, number | null> | undefined,
        ...(worker === null ? {} : { worker: String(worker) }),
        finishedAt: String(get('finished_at')),
      };
    });
  }

  /** Runs any SQL on the store (tables `runs` and `jobs`) and returns its rows as JSON-safe values. */
  async query(sql: string): Promise<QueryResult> {
    return this.read(sql);
  }

  /**
   * Writes a Parquet file: with `runId` of a sweep, one row per job with a
   * column per param and per metric; with another run, its row of `runs`;
   * without, the whole `runs` table. Returns the number of rows written.
   */
  async exportParquet(file: string, runId?: string): Promise<number> {
    let select = 'SELECT * FROM runs ORDER BY created_at';
    if (runId !== undefined) {
      const run = await this.findRun(runId);
      select =
        run.kind === 'sweep' ? await this.sweepSelect(run.id) : `SELECT * FROM runs WHERE id = ${sqlString(run.id)}`;
    }
    const count = await this.read(`SELECT count(*) FROM (${select})`);
    try {
      await this.connection.run(`COPY (${select}) TO ${sqlString(file)} (FORMAT parquet)`);
    } catch (err) {
      throw new StoreError(
        `cannot write '${file}': ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`,
      );
    }
    return Number(count.rows[0][0]);
  }

  /** SELECT flattening a sweep's jobs: job_id, idx, status, error, one DOUBLE column per param and per metric. */
  private async sweepSelect(runId: string): Promise<string> {
    const keys = await this.read(
      `SELECT DISTINCT 'p' AS what, unnest(json_keys(params)) AS name FROM jobs WHERE run_id = $1
       UNION SELECT DISTINCT 'm', unnest(json_keys(metrics)) FROM jobs WHERE run_id = $1 AND metrics IS NOT NULL ORDER BY 1 DESC, 2`,
      [runId],
    );
    const columns = keys.rows.map(([what, name]) => {
      const column = what === 'p' ? 'params' : 'metrics';
      const path = sqlString(`$."${String(name).replaceAll('"', '\\"')}"`);
      return `TRY_CAST(json_extract(${column}, ${path}) AS DOUBLE) AS ${sqlIdentifier(String(name))}`;
    });
    return `SELECT job_id, idx, status, error, ${[...columns, 'worker'].join(', ')} FROM jobs WHERE run_id = ${sqlString(runId)} ORDER BY idx`;
  }

  /** Reads rows of `sql` with JSON-safe values. */
  private async read(sql: string, values?: DuckDBValue[]): Promise<QueryResult> {
    await this.queue;
    try {
      const reader = await this.connection.runAndReadAll(sql, values);
      const rows = reader.getRowsJson() as unknown[][];
      // 64-bit integers come back as strings; give small ones (counts, ids) as numbers.
      const wide = reader
        .columnTypes()
        .map((type, i) => (/^U?(BIGINT|HUGEINT)$/.test(type.toString()) ? i : -1))
        .filter((i) => i >= 0);
      for (const row of rows) {
        for (const i of wide) {
          const n = Number(row[i]);
          if (typeof row[i] === 'string' && Number.isSafeInteger(n)) row[i] = n;
        }
      }
      return { columns: reader.columnNames(), rows };
    } catch (err) {
      throw storeFailure(this.path, err);
    }
  }

  /** Waits for pending writes and closes the file. */
  async close(): Promise<void> {
    await this.queue;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

const RUN_SELECT = `SELECT r.id, r.kind, r.name, strftime(r.created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at, r.version, r.model_hash,
  r.scenario, r.params, r.seed, r.inputs, r.status, r.outputs,
  (SELECT count(*) FROM jobs j WHERE j.run_id = r.id) AS jobs,
  (SELECT count(*) FROM jobs j WHERE j.run_id = r.id AND j.status = 'failed') AS failed
  FROM runs r`;

function storedRun(columns: string[], row: unknown[]): StoredRun {
  const get = (name: string) => row[columns.indexOf(name)];
  const seed = get('seed');
  return {
    id: String(get('id')),
    kind: get('kind') as StoredRun['kind'],
    name: String(get('name')),
    createdAt: String(get('created_at')),
    version: String(get('version')),
    modelHash: String(get('model_hash')),
    scenario: parseJson(get('scenario')),
    params: parseJson(get('params')) as Record<string, unknown>,
    seed: seed === null ? null : Number(seed),
    inputs: parseJson(get('inputs')),
    status: get('status') as RunStatus,
    outputs: parseJson(get('outputs')),
    jobs: Number(get('jobs')),
    failed: Number(get('failed')),
  };
}

/** A SQL string literal. */
function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A SQL quoted identifier. */
function sqlIdentifier(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
