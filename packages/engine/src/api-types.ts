/**
 * Types of the engine's programming interface (ENGINE.md §4). Other packages
 * (CLI, model, analysis, web) rely only on these.
 */
import type { Warning } from './diagnostics.js';
import type { ModelIR } from './model-ir.js';

/** Reads a file as UTF-8 text; injected so `include:` works in a browser. */
export type ReadFile = (path: string) => string;

/** Options for {@link loadModel}. */
export interface LoadOptions {
  /** Defaults to `node:fs` readFileSync in Node; must be given in a browser. */
  readFile?: ReadFile;
  /** File name used in messages when loading from text (default `<text>`). */
  fileName?: string;
}

/** Solver tolerances and iteration caps. */
export interface SolverOptions {
  /** Converged when every |x − F(x)| ≤ tol · max(1, |x|). Default 1e-12. */
  tol?: number;
  /** Newton iteration cap per block and period. Default 50. */
  maxIter?: number;
  /** Gauss–Seidel sweep cap when Newton fails. Default 500. */
  maxSweeps?: number;
  /** Refactorise the Jacobian when ‖g_k+1‖/‖g_k‖ exceeds this. Default 0.5. */
  refactorRatio?: number;
  /** Reuse LU factors across iterations and periods. Default true. */
  reuseLU?: boolean;
}

/** A block of the ordered equation graph. */
export interface BlockInfo {
  /** Variables of the block, in evaluation order. */
  vars: string[];
  /** True when the variables are simultaneous (a cycle). */
  cyclic: boolean;
}

/** Where one series lives in the output buffer. */
export interface SlotInfo {
  name: string;
  kind: 'param' | 'variable' | 'hidden-stock';
  unit?: string;
  doc?: string;
  source?: string;
  /** The equation as written, for variables. */
  equation?: string;
  role?: string;
  /** Params: plausible range, for Monte Carlo and sensitivity analysis. */
  range?: [number, number];
  /** Params: distribution over `range` (ENGINE.md §1). */
  dist?: 'uniform' | 'normal' | 'lognormal' | 'triangular' | 'beta';
  /** Params with `dist: beta`: shape [a, b]. */
  shape?: [number, number];
  /** Params: value in the model file. */
  value?: number;
}

/**
 * A compiled model: plain data (generated source + slot table + metadata), so
 * it can be posted to a worker and instantiated there without re-parsing.
 */
export interface CompiledModel {
  name: string;
  description: string;
  periods: number;
  dt: number;
  start: number;
  startMonth?: string;
  timeUnit: string;
  /** Every series; index = slot. */
  slots: SlotInfo[];
  /** Block order. */
  blocks: BlockInfo[];
  /** Generated JavaScript (a function body returning the evaluators). */
  source: string;
  /** Whatever else the runtime needs (params, shocks, tables, checks) as plain data. */
  data: unknown;
  warnings: Warning[];
}

/** A time path for a param: `{ "2026-06": 0.9, ... }` or `{ 12: 0.9 }` (period numbers). */
export type PathSpec = Record<string, number>;

/** A shock given at run time. */
export interface RunShock {
  set: string;
  value: number | number[];
  from?: number | string;
  to?: number | string;
}

/** A rule evaluated each period on t−1 values (ENGINE.md §5). */
export interface TriggerSpec {
  when: string;
  /** Time (in model time units) the condition must hold before firing. Default 0. */
  sustain?: number;
  set: Record<string, number>;
  /** Once fired, stay set. Default false. */
  latch?: boolean;
}

/** Options for {@link ModelInstance.run}. */
export interface RunOptions {
  params?: Float64Array | Record<string, number>;
  paths?: Record<string, PathSpec>;
  shocks?: RunShock[];
  triggers?: TriggerSpec[];
  periods?: number;
  dt?: number;
  /**
   * Reuse the previous run's working buffer instead of allocating a new one
   * (saves allocation and garbage collection in batches). The previous
   * run's result must no longer be read after this run starts.
   */
  reuseBuffer?: boolean;
  /** Use the reference interpreter instead of the compiled code. */
  interpret?: boolean;
  /** Check hidden identities and matrices every period (default true). */
  checks?: boolean;
  solver?: SolverOptions;
}

/** What a run produced. */
export interface RunResult {
  /** Number of solved periods N; series have N+1 values (index 0 = period 0). */
  periods: number;
  /** Variable-major output buffer: series i at period p is `buffer[i * (periods + 1) + p]`. */
  buffer: Float64Array;
  /** Slot names in buffer order. */
  names: string[];
  /** The values of one series (N+1 values; treat as read-only). Throws on an unknown name. */
  series(name: string): Float64Array;
  /** Model time of each period 0..N. */
  time: Float64Array;
  /** Total solver iterations per cyclic block (index = block number among cyclic blocks). */
  iterations: { block: string[]; total: number; max: number }[];
  accounting: { maxResidual: number; where: string | null; residualByPeriod: Float64Array };
  /** Trigger firings: name of the trigger rule and the first period it applied. */
  fired: { when: string; period: number }[];
}

/** A model ready to run many times. */
export interface ModelInstance {
  readonly compiled: CompiledModel;
  run(options?: RunOptions): RunResult;
  /** Step-wise use: `begin` then `step(p)` for p = 1..N, then `result()`. */
  begin(options?: RunOptions): void;
  step(period: number, external?: Record<string, number>): void;
  result(): RunResult;
}

export type { ModelIR };
