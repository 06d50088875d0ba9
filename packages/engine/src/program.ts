/**
 * The program: the lowered, ordered model that code generation and the
 * reference interpreter both execute. Plain data (JSON-serialisable), carried
 * inside {@link CompiledModel.data} so a worker can instantiate without parsing.
 */
import type { Expr, SourcePos } from './ast.js';
import type { MatrixDef, ShockDef } from './model-ir.js';

/** One equation of the lowered model: `name = expr`, writing slot `slot`. */
export interface ProgramEquation {
  name: string;
  slot: number;
  expr: Expr;
  text: string;
  pos?: SourcePos;
}

/** A step of the period loop: straight-line equations, or a simultaneous block. */
export type ProgramStep =
  | { kind: 'chunk'; eqs: number[] }
  | {
      kind: 'block';
      eqs: number[];
      /** per equation: block-local indices it depends on */
      pattern: number[][];
      /** Exact Jacobian entries ∂F_row/∂x_col (small differentiable blocks only; else finite differences). */
      jacobian?: { row: number; col: number; expr: Expr }[];
    };

/** A value set at period 0 from an expression (initial values, hidden stocks). */
export interface ProgramInitial {
  slot: number;
  expr: Expr;
}

/** A run-time assertion, checked once per run at period 1 (e.g. a smoothing time ≥ dt). */
export interface ProgramAssertion {
  /** Must evaluate ≥ 0. */
  expr: Expr;
  message: string;
  pos?: SourcePos;
}

/** Everything needed to run the model. */
export interface Program {
  equations: ProgramEquation[];
  steps: ProgramStep[];
  /** `init:` system, solved once at period 0. */
  initEquations: ProgramEquation[];
  initSteps: ProgramStep[];
  /** Slots defined only by `init:` (held constant afterwards). */
  initOnlySlots: number[];
  initial: ProgramInitial[];
  /** Hidden stocks (smooth, delay) and auxiliaries: period-0 values, in dependency order. */
  derivedInitial: ProgramInitial[];
  params: { slot: number; value: number }[];
  tables: { name: string; x: number[]; y: number[]; extrapolate: boolean }[];
  hidden: { left: Expr; right: Expr; text: string; tolerance: number; pos?: SourcePos }[];
  matrices: MatrixDef[];
  shocks: ShockDef[];
  assertions: ProgramAssertion[];
  /** Variables the generated code can take from outside (shocks, `step` inputs). */
  exogenous: string[];
  /** Slot of `accounting_residual_max`, or −1 when the model has no matrices. */
  residualSlot: number;
}
