/**
 * The resolved model: what `loadModel` returns after reading YAML, following
 * `include:`s, applying `as:` prefixes and parsing every expression. All later
 * passes (analyse, units, order, compile) take this shape and nothing else.
 */
import type { EquationAst, Expr, IdentityAst, SourcePos } from './ast.js';

/** Distributions a param may declare for Monte Carlo (ENGINE.md §1). */
export type DistKind = 'uniform' | 'normal' | 'lognormal' | 'triangular' | 'beta';

/** A parameter: an exogenous number, possibly shocked or given a time path. */
export interface ParamDef {
  /** Global (possibly prefixed) name. */
  name: string;
  /** Value at load time (expressions in other params are evaluated). */
  value: number;
  /** Unit string as written, e.g. `USD bn / yr`; undefined when not declared. */
  unit?: string;
  doc?: string;
  /** A calibration key, a citation, or `assumption`. */
  source?: string;
  range?: [number, number];
  dist?: DistKind;
  /** Beta distribution shape `[a, b]`. */
  shape?: [number, number];
  /** `driver` params may be changed by presets. */
  role?: string;
  pos: SourcePos;
}

/** One endogenous equation `name = expr`. */
export interface EquationDef extends EquationAst {
  /** Global name of the defined variable (same as `target`). */
  name: string;
  /** The equation as written (after prefixing), for listings. */
  text: string;
  unit?: string;
  doc?: string;
  source?: string;
  pos: SourcePos;
}

/** A redundant identity checked every period (`hidden:`). */
export interface HiddenDef extends IdentityAst {
  text: string;
  tolerance?: number;
}

/** `initial:` entry: the value of `name` at period 0. */
export interface InitialDef {
  name: string;
  expr: Expr;
  pos: SourcePos;
}

/** A shock: sets a param or exogenises a variable over an inclusive range of periods. */
export interface ShockDef {
  /** Param or variable name. */
  target: string;
  /** First period (≥ 1). */
  from: number;
  /** Last period (inclusive); undefined = last period of the run. */
  to?: number;
  /** One value, or one value per period of the range. */
  value: number | number[];
  pos?: SourcePos;
}

/** A lookup table for `lookup(name, x)`. */
export interface TableDef {
  name: string;
  x: number[];
  y: number[];
  extrapolate: boolean;
  pos: SourcePos;
}

/** A cell of an accounting matrix. */
export interface MatrixCell {
  row: string;
  sector: string;
  expr: Expr;
  text: string;
}

/** A Godley table: transactions-flow, balance-sheet or revaluation matrix. */
export interface MatrixDef {
  name: string;
  kind: 'flow' | 'stock' | 'revaluation';
  sectors: string[];
  rows: string[];
  cells: MatrixCell[];
  /** For flow rows: the stock-matrix row they explain (`stock: money`). */
  stockOf: Record<string, string>;
  /** For stock matrices: real-asset rows (houses, capital). */
  realRows: string[];
  tolerance: number;
  pos: SourcePos;
}

/** The whole resolved model. */
export interface ModelIR {
  name: string;
  description: string;
  /** Number of solved periods (1..periods). */
  periods: number;
  /** Length of one period in model time units. */
  dt: number;
  /** Time of period 1. */
  start: number;
  /** `YYYY-MM` when `start` was given as a month; then time is in years. */
  startMonth?: string;
  timeUnit: string;
  params: ParamDef[];
  initial: InitialDef[];
  init: EquationDef[];
  equations: EquationDef[];
  hidden: HiddenDef[];
  shocks: ShockDef[];
  tables: TableDef[];
  matrices: MatrixDef[];
  meta: Record<string, unknown>;
  /** Every file read, root first. */
  files: string[];
}
