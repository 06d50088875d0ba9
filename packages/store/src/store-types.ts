/**
 * What the results store records and returns: a command's run with its
 * inputs and outputs, and the jobs (points) of a sweep.
 */
import type { RecordKind } from './store-schema.js';

/** Status of a recorded run: `running` while a sweep is in flight, then `done` (sweeps) or `ok`/`failed`. */
export type RunStatus = 'ok' | 'failed' | 'running' | 'done';

/** One recorded command, as written. */
export interface RunRecord {
  /** Content hash of the inputs (same inputs, same id: recording again updates the row). */
  id: string;
  kind: RecordKind;
  /** The scenario's (or sweep's) name. */
  name: string;
  /** endgame's version. */
  version: string;
  /** Content hash of the model's files. */
  modelHash: string;
  /** The resolved scenario (plain data), when there is one. */
  scenario?: unknown;
  /** Params the command set or varied (name → value, or a description of the range). */
  params: Record<string, unknown>;
  /** Random seed, when the command draws samples. */
  seed?: number;
  /** Every other input (command options, sweep spec). */
  inputs: unknown;
  status: RunStatus;
  /** What the command produced (its JSON output, or a sweep's summary). */
  outputs?: unknown;
}

/** A job's status: finished with metrics, or failed with the model's error. */
export type JobStatus = 'ok' | 'failed';

/** One point of a sweep, as written. */
export interface JobRecord {
  /** The sweep's run id. */
  runId: string;
  /** Content hash of the job's inputs. */
  jobId: string;
  /** Position of the point in the sweep's design. */
  index: number;
  params: Record<string, number>;
  status: JobStatus;
  /** The error, one line, when the job failed. */
  error?: string;
  /** Metric text → value (null when not a finite number). */
  metrics?: Record<string, number | null>;
  /** Which worker ran it (`host:pid`, or `local`). */
  worker?: string;
}

/** A run as the store returns it. */
export interface StoredRun extends Omit<RunRecord, 'seed'> {
  seed: number | null;
  /** ISO time the run was first recorded. */
  createdAt: string;
  /** Jobs recorded for it (sweeps). */
  jobs: number;
  /** Failed jobs among them. */
  failed: number;
}

/** A job as the store returns it. */
export interface StoredJob extends JobRecord {
  /** ISO time it finished. */
  finishedAt: string;
}

/** Rows of a query: column names and one array of JSON-safe values per row. */
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}
