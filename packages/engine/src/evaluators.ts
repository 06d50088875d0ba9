/**
 * Evaluators: the functions the period loop calls. The generated code
 * provides them for compiled runs; this module builds the same functions from
 * the AST for the reference interpreter, and does the period-0 work (the
 * `init:` system, initial values, hidden stocks) that both share.
 */
import type { SlotInfo } from './api-types.js';
import { type BlockEvaluators, BlockSolver } from './block-solver.js';
import { checkExpressions } from './codegen.js';
import type { NewtonEvaluator } from './dense-newton.js';
import { EngineError } from './diagnostics.js';
import { type EvalFrame, evaluate, type Resolved, type RuntimeTable, resolveExpr } from './interpreter.js';
import type { Program, ProgramEquation, ProgramStep } from './program.js';

/** What evaluators need to know about the model. */
export interface RuntimeContext {
  program: Program;
  slots: SlotInfo[];
  slotOf: Map<string, number>;
}

/**
 * A block's evaluators; `newton` (F with its exact Jacobian) exists for small differentiable blocks,
 * and compiled code adds `dense` (the whole Newton solve) where no variable of the block is exogenous.
 */
export type BlockFns = BlockEvaluators & { newton?: NewtonEvaluator };

/** A straight-line chunk of equations for one period. */
export type ChunkFn = (o: Float64Array, S: number, p: number, t: number, dt: number) => void;

/**
 * One whole period in generated code: the chunks, and for the k-th block `F(k, it)` after its
 * generated dense solve (`it` iterations, −1 when it failed) or `F(k, 0)` where it has none,
 * so the period loop records the iterations or solves the block itself. The generated solve
 * (`b{k}d`, codegen-dense.ts) stops at `tol`; `J`, `g`, `P` are its scratch (at least n², n and
 * n long for the largest block).
 */
export type PeriodFn = (
  o: Float64Array,
  S: number,
  p: number,
  t: number,
  dt: number,
  tol: number,
  J: Float64Array,
  g: Float64Array,
  P: Int32Array,
  F: (block: number, iterations: number) => void,
) => void;

/** The functions the period loop calls, compiled or interpreted. */
export interface Evaluators {
  chunks: ChunkFn[];
  blocks: BlockFns[];
  cells: (o: Float64Array, S: number, p: number, t: number, dt: number, c: Float64Array) => void;
  /** Compiled only: every step of one period in order (see {@link PeriodFn}). */
  period?: PeriodFn;
  /** Per-slot flag: 1 = the variable is given from outside this period. */
  X: Uint8Array;
  /** Per-slot value of a variable given from outside (read where X is 1; blocks hold it there). */
  V: Float64Array;
}

/** Tables as typed arrays. */
export function runtimeTables(program: Program): RuntimeTable[] {
  return program.tables.map((t) => ({ x: Float64Array.from(t.x), y: Float64Array.from(t.y), e: t.extrapolate }));
}

function resolver(ctx: RuntimeContext) {
  const tableOf = new Map(ctx.program.tables.map((t, i) => [t.name, i]));
  return (e: Parameters<typeof resolveExpr>[0]) => resolveExpr(e, ctx.slotOf, tableOf);
}

/** Builds interpreted evaluators that walk the AST (the reference implementation). */
export function interpretedEvaluators(ctx: RuntimeContext): Evaluators {
  const { program } = ctx;
  const resolve = resolver(ctx);
  const tables = runtimeTables(program);
  const X = new Uint8Array(ctx.slots.length);
  const V = new Float64Array(ctx.slots.length);
  const exo = new Set(program.exogenous);
  const frame: EvalFrame = { o: new Float64Array(0), S: 0, p: 0, t: 0, dt: 0, tables };
  const set = (o: Float64Array, S: number, p: number, t: number, dt: number) => {
    frame.o = o;
    frame.S = S;
    frame.p = p;
    frame.t = t;
    frame.dt = dt;
  };
  const compiledEq = (i: number) => {
    const eq = program.equations[i];
    return { slot: eq.slot, expr: resolve(eq.expr), exo: exo.has(eq.name) };
  };
  const chunks: ChunkFn[] = [];
  const blocks: BlockFns[] = [];
  for (const step of program.steps) {
    const eqs = step.eqs.map(compiledEq);
    if (step.kind === 'chunk') {
      chunks.push((o, S, p, t, dt) => {
        set(o, S, p, t, dt);
        for (const e of eqs) if (!e.exo || X[e.slot] === 0) o[p * S + e.slot] = evaluate(e.expr, frame);
      });
    } else {
      const n = eqs.length;
      const jac = (step.jacobian ?? []).map((e) => ({ at: e.row * n + e.col, row: e.row, expr: resolve(e.expr) }));
      const newton: NewtonEvaluator | undefined = step.jacobian
        ? (o, S, p, t, dt, r, J) => {
            set(o, S, p, t, dt);
            for (let j = 0; j < n; j++) {
              const e = eqs[j];
              if (e.exo && X[e.slot] !== 0) {
                r[j] = V[e.slot];
                continue;
              }
              r[j] = evaluate(e.expr, frame);
              for (const entry of jac) if (entry.row === j) J[entry.at] = evaluate(entry.expr, frame);
            }
          }
        : undefined;
      blocks.push({
        newton,
        jacobi(o, S, p, t, dt, r) {
          set(o, S, p, t, dt);
          eqs.forEach((e, j) => {
            r[j] = !e.exo || X[e.slot] === 0 ? evaluate(e.expr, frame) : V[e.slot];
          });
        },
        seidel(o, S, p, t, dt) {
          set(o, S, p, t, dt);
          for (const e of eqs) o[p * S + e.slot] = !e.exo || X[e.slot] === 0 ? evaluate(e.expr, frame) : V[e.slot];
        },
      });
    }
  }
  const cellExprs = checkExpressions(program).map(resolve);
  const cells = (o: Float64Array, S: number, p: number, t: number, dt: number, c: Float64Array) => {
    set(o, S, p, t, dt);
    for (let i = 0; i < cellExprs.length; i++) c[i] = evaluate(cellExprs[i], frame);
  };
  return { chunks, blocks, cells, X, V };
}

/** Period-0 work and run-time assertions, shared by compiled and interpreted runs. */
export class PeriodZero {
  readonly tables: RuntimeTable[];
  readonly assertions: { expr: Resolved; message: string; pos?: import('./ast.js').SourcePos }[];
  private readonly ctx: RuntimeContext;
  private readonly resolve: ReturnType<typeof resolver>;
  /** Resolved once: the `init:` steps, `initial:` values and derived starting values. */
  private readonly initSteps: {
    eqs: ProgramEquation[];
    resolved: Resolved[];
    block: Extract<ProgramStep, { kind: 'block' }> | null;
  }[];
  private readonly initial: { slot: number; expr: Resolved }[];

  constructor(ctx: RuntimeContext) {
    this.ctx = ctx;
    this.resolve = resolver(ctx);
    this.tables = runtimeTables(ctx.program);
    const { program } = ctx;
    this.initSteps = program.initSteps.map((step) => {
      const eqs = step.eqs.map((i) => program.initEquations[i]);
      return { eqs, resolved: eqs.map((e) => this.resolve(e.expr)), block: step.kind === 'block' ? step : null };
    });
    this.initial = [...program.initial, ...program.derivedInitial].map((i) => ({
      slot: i.slot,
      expr: this.resolve(i.expr),
    }));
    this.assertions = ctx.program.assertions.map((a) => ({
      expr: this.resolve(a.expr),
      message: a.message,
      pos: a.pos,
    }));
  }

  /** Fills period 0: `init:` system, then `initial:` overrides, then hidden stocks and auxiliaries. */
  fill(o: Float64Array, S: number, t0: number, dt: number): void {
    const frame: EvalFrame = { o, S, p: 0, t: t0, dt, tables: this.tables };
    for (const { eqs, resolved, block: step } of this.initSteps) {
      if (step === null) {
        eqs.forEach((e, j) => {
          o[e.slot] = evaluate(resolved[j], frame);
        });
        continue;
      }
      const solver = new BlockSolver({
        names: eqs.map((e) => e.name),
        slots: Int32Array.from(eqs.map((e) => e.slot)),
        pattern: step.pattern.map((p) => Int32Array.from(p)),
      });
      solver.solve(
        o,
        S,
        0,
        t0,
        dt,
        {
          jacobi: (_o, _S, _p, _t, _dt, r) => {
            for (let j = 0; j < resolved.length; j++) r[j] = evaluate(resolved[j], frame);
          },
          seidel: () => {
            for (let j = 0; j < eqs.length; j++) o[eqs[j].slot] = evaluate(resolved[j], frame);
          },
        },
        'period 0 (init:)',
      );
    }
    // `initial:` overrides, then hidden stocks and auxiliaries (which may read them), in order.
    for (const i of this.initial) o[i.slot] = evaluate(i.expr, frame);
    for (let i = 0; i < this.ctx.slots.length; i++) {
      if (this.ctx.slots[i].kind !== 'param' && !Number.isFinite(o[i])) {
        throw new EngineError(
          'non-finite',
          `the period-0 value of '${this.ctx.slots[i].name}' is ${o[i]}; check its initial:/init: expression`,
        );
      }
    }
  }
}
