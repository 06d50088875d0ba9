/**
 * The tables of the results store (DuckDB). `runs` holds one row per recorded
 * command (`run`, `mc`, `sensitivity`, `grid`, `sweep`) with its inputs and
 * outputs as JSON; `jobs` holds one row per point of a sweep, keyed by the
 * sweep and the job's content hash, so an upsert keeps each result once.
 */

/** The kinds of record the store holds. */
export const RECORD_KINDS = ['run', 'mc', 'sensitivity', 'grid', 'sweep'] as const;

/** One of {@link RECORD_KINDS}. */
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Schema version, kept in `store_meta` so later versions can migrate. */
export const STORE_SCHEMA_VERSION = 1;

/** DDL run on every open (idempotent). */
export const STORE_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS runs (
    id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    version VARCHAR NOT NULL,
    model_hash VARCHAR NOT NULL,
    scenario JSON,
    params JSON NOT NULL,
    seed BIGINT,
    inputs JSON NOT NULL,
    status VARCHAR NOT NULL,
    outputs JSON
  )`,
  `CREATE TABLE IF NOT EXISTS jobs (
    run_id VARCHAR NOT NULL,
    job_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    params JSON NOT NULL,
    status VARCHAR NOT NULL,
    error VARCHAR,
    metrics JSON,
    worker VARCHAR,
    finished_at TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, job_id)
  )`,
];
