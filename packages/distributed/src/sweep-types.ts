/**
 * The vocabulary of sweeps: what a job carries (a point of the design), the
 * payload every job of a sweep shares (model and scenario files as data, the
 * metrics), what a job produces, and the interface every backend implements.
 */
import type { Outcome, RunnerJob } from '@endgame/analysis';

/** Files as data: the root file's name and every file the loader read, by the name it asked for. */
export interface FileSet {
  root: string;
  files: Record<string, string>;
}

/**
 * What every job of a sweep shares, as plain data: the model's files, the
 * scenario's files (with the presets it extends, by name), fixed params and
 * the metrics. Workers compile this themselves after validating it; nothing
 * in it is run as code.
 */
export interface SweepPayload {
  model: FileSet;
  /** The scenario chain, when the sweep's input is a scenario (not a bare model file). */
  scenario?: FileSet & {
    /** Preset name → file name in `files`, for `extends: NAME`. */
    presets: Record<string, string>;
    /** How the input was resolved (`preset` or `scenario`), for the scenario's checks. */
    mode: string;
  };
  /** Params fixed for every job (the spec's `set:`). */
  set: Record<string, number>;
  /** Metric texts, in output order. */
  metrics: string[];
}

/** A payload made ready to run: compiled model, base settings, parsed outcomes. */
export interface PreparedSweep {
  compiled: RunnerJob['compiled'];
  base: RunnerJob['base'];
  outcomes: Outcome[];
}

/** Turns a payload into a {@link PreparedSweep}, validating it (the CLI supplies this). */
export type PrepareSweep = (payload: SweepPayload) => PreparedSweep | Promise<PreparedSweep>;

/** One point of a sweep. */
export interface SweepJob {
  /** Content hash of the job's inputs (payload hash, metrics, params). */
  id: string;
  /** Position in the design. */
  index: number;
  /** Values of the varied params, in {@link SweepPlan.varied} order. */
  values: number[];
}

/** A job's result. */
export interface JobResult {
  jobId: string;
  index: number;
  status: 'ok' | 'failed';
  /** Metric text → value (null when not finite), when ok. */
  metrics?: Record<string, number | null>;
  /** One-line error, when failed. */
  error?: string;
  /** `host:pid` of the worker, or `local`. */
  worker: string;
}

/** Everything a backend needs to run a sweep's jobs. */
export interface SweepPlan {
  /** The sweep's id (content hash of its payload and points). */
  sweepId: string;
  payload: SweepPayload;
  /** SHA-256 of the payload's JSON text as sent to workers. */
  payloadHash: string;
  /** The payload's JSON text (what the hash covers). */
  payloadText: string;
  /** The payload prepared on the coordinator (used by the local backend). */
  prepared: PreparedSweep;
  /** Varied params, in each job's `values` order. */
  varied: string[];
}

/** Options of {@link SweepBackend.run}. */
export interface BackendRunOptions {
  /** Stops the sweep (the promise rejects). */
  signal?: AbortSignal;
}

/**
 * Runs a sweep's jobs and hands results to `onResults` as they come (each
 * call's results should be recorded in one transaction). Resolves when every
 * job has a result (ok or failed).
 */
export interface SweepBackend {
  /** `local` or `queue`. */
  readonly name: string;
  run(
    plan: SweepPlan,
    jobs: readonly SweepJob[],
    onResults: (results: JobResult[]) => Promise<void>,
    options?: BackendRunOptions,
  ): Promise<void>;
  /** Releases the backend's resources (worker threads, connections). */
  close(): Promise<void>;
}
