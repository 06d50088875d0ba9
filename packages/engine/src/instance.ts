/**
 * `instantiate`: a compiled model ready to run many times without
 * recompiling — the period loop, triggers, per-period checks, and the
 * step-wise interface used to couple outside models in.
 */
import type { CompiledModel, ModelInstance, RunOptions, RunResult } from './api-types.js';
import { BlockSolver } from './block-solver.js';
import { SMALL_BLOCK } from './build-program.js';
import { BUILTINS } from './builtins.js';
import { AccountingChecks } from './checks.js';
import { withExogenous } from './compile.js';
import { DenseNewton } from './dense-newton.js';
import { EngineError } from './diagnostics.js';
import { type Evaluators, interpretedEvaluators, PeriodZero, type RuntimeContext } from './evaluators.js';
import { evaluate } from './interpreter.js';
import { diagnoseNonFinite } from './non-finite.js';
import type { Program } from './program.js';
import { allFinite, blockSlots, transpose } from './run-buffer.js';
import { prepareInputs, timeOf, type VariableOverride } from './run-inputs.js';
import { periodLabel } from './time.js';
import { type ActiveTrigger, prepareTrigger } from './triggers.js';

interface RunState {
  o: Float64Array;
  N: number;
  S: number;
  dt: number;
  ev: Evaluators;
  checks: boolean;
  overrides: VariableOverride[];
  triggers: ActiveTrigger[];
  /** Param rows before triggers (to restore non-latched triggers). */
  triggerBase: Map<number, Float64Array>;
  cellsPrev: Float64Array;
  cellsCur: Float64Array;
  residual: Float64Array;
  maxResidual: number;
  where: string | null;
  fired: { when: string; period: number }[];
  solvers: BlockSolver[];
  /** Dense Newton with exact Jacobians, per block (null where the block has none). */
  dense: (DenseNewton | null)[];
  /** Whether the generated period function may run (it always takes the generated dense solves). */
  generatedDense: boolean;
  /** Slots of each block, in its equation order. */
  blockSlots: Int32Array[];
  /** Convergence tolerance of the block solves. */
  tol: number;
  /** Scratch of the generated dense solves: Jacobian/LU, step, pivots. */
  denseJ: Float64Array;
  denseG: Float64Array;
  denseP: Int32Array;
  done: number;
  /** Slots whose exogenous flag may be set (reset at the start of each period). */
  exogenousSlots: Set<number>;
}

class Instance implements ModelInstance {
  compiled: CompiledModel;
  private program: Program;
  private compiledEv: Evaluators | undefined;
  private interpretedEv: Evaluators | undefined;
  private readonly accounting: AccountingChecks;
  private readonly slotOf: Map<string, number>;
  private state: RunState | undefined;
  private labelPeriod = 0;
  private labelDt = 1;
  /** Time of the period being solved (with labelPeriod, for {@link solveBlock}). */
  private periodTime = 0;
  /** The current period as text for messages (built only when a message needs it). */
  private readonly label = (): string =>
    periodLabel(this.labelPeriod, this.compiled.start, this.labelDt, this.compiled.startMonth);
  private periodZero: PeriodZero | undefined;
  private solversCompiled: BlockSolver[] = [];
  private solversInterpreted: BlockSolver[] = [];
  private denseCache = new Map<string, (DenseNewton | null)[]>();
  private eqSlots: Int32Array | undefined;
  private blockSlotCache: Int32Array[] | undefined;

  constructor(compiled: CompiledModel) {
    this.compiled = compiled;
    this.program = compiled.data as Program;
    this.accounting = new AccountingChecks(this.program);
    this.slotOf = new Map(compiled.slots.map((s, i) => [s.name, i]));
  }

  private context(): RuntimeContext {
    return { program: this.program, slots: this.compiled.slots, slotOf: this.slotOf };
  }

  private evaluators(interpret: boolean): Evaluators {
    if (interpret) return (this.interpretedEv ??= interpretedEvaluators(this.context()));
    if (!this.compiledEv) {
      const tables = this.program.tables.map((t) => ({
        x: Float64Array.from(t.x),
        y: Float64Array.from(t.y),
        e: t.extrapolate,
      }));
      const X = new Uint8Array(this.compiled.slots.length);
      const V = new Float64Array(this.compiled.slots.length);
      const factory = new Function('H', this.compiled.source) as (h: unknown) => Omit<Evaluators, 'X' | 'V'>;
      this.compiledEv = { ...factory({ ...BUILTINS, tables, X, V }), X, V };
    }
    return this.compiledEv;
  }

  /** Makes sure the generated code can take `names` from outside. */
  private ensureExogenous(names: string[]): void {
    const missing = names.filter((n) => !this.program.exogenous.includes(n));
    if (missing.length === 0) return;
    this.compiled = withExogenous(this.compiled, missing);
    this.program = this.compiled.data as Program;
    this.compiledEv = undefined;
    this.interpretedEv = undefined;
    this.periodZero = undefined;
    this.solversCompiled = [];
    this.solversInterpreted = [];
    this.denseCache.clear();
    this.eqSlots = undefined;
    this.blockSlotCache = undefined;
  }

  /** Cached solvers (one per cyclic block), kept across runs so LU factors are reused. */
  private solversFor(interpret: boolean): BlockSolver[] {
    const list = interpret ? this.solversInterpreted : this.solversCompiled;
    if (list.length === 0) list.push(...this.newSolvers({}));
    return list;
  }

  private newSolvers(options: RunOptions): BlockSolver[] {
    return this.program.steps.flatMap((step) => {
      if (step.kind !== 'block') return [];
      const eqs = step.eqs.map((i) => this.program.equations[i]);
      const spec = {
        names: eqs.map((e) => e.name),
        slots: Int32Array.from(eqs.map((e) => e.slot)),
        pattern: step.pattern.map((p) => Int32Array.from(p)),
      };
      return [new BlockSolver(spec, options.solver)];
    });
  }

  /** Cached dense Newton solvers per block (null where a block has no exact Jacobian), counters cleared. */
  private denseFor(interpret: boolean, tol: number, enabled: boolean, ev: Evaluators): (DenseNewton | null)[] {
    const key = `${interpret}:${tol}:${enabled}`;
    let list = this.denseCache.get(key);
    if (list === undefined) {
      list = ev.blocks.map((fns, k) => (fns.newton && enabled ? new DenseNewton(this.blockSlotList()[k], tol) : null));
      this.denseCache.set(key, list);
    }
    for (const d of list) d?.reset();
    return list;
  }

  /** Slots of each block, in its equation order (cached). */
  private blockSlotList(): Int32Array[] {
    return (this.blockSlotCache ??= this.program.steps
      .filter((s) => s.kind === 'block')
      .map((_s, k) => blockSlots(this.program, k)));
  }

  /** Slots of all equations (for the non-finite scans). */
  private equationSlots(): Int32Array {
    return (this.eqSlots ??= Int32Array.from(this.program.equations.map((e) => e.slot)));
  }

  begin(options: RunOptions = {}): void {
    const N = options.periods ?? this.compiled.periods;
    const dt = options.dt ?? this.compiled.dt;
    if (!Number.isInteger(N) || N < 1)
      throw new EngineError('bad-input', `periods must be a whole number ≥ 1, got ${N}`);
    if (!(dt > 0)) throw new EngineError('bad-input', `dt must be > 0, got ${dt}`);
    const shockedVars = [...(options.shocks ?? [])]
      .map((s) => s.set)
      .filter((n) => this.compiled.slots[this.slotOf.get(n) ?? -1]?.kind === 'variable');
    this.ensureExogenous(shockedVars);
    const interpret = options.interpret === true;
    const ev = this.evaluators(interpret);
    // Working buffer, period-major: slot i of period p is o[p * S + i] (S = number of slots),
    // so each period's equations read and write one contiguous row; result() transposes.
    const S = this.compiled.slots.length;
    const size = S * (N + 1);
    const spare = this.state?.o;
    const o = options.reuseBuffer && spare && spare.length === size ? spare.fill(0) : new Float64Array(size);
    const overrides = prepareInputs(this.compiled, o, N, dt, options, this.slotOf);
    const solvers = options.solver ? this.newSolvers(options) : this.solversFor(interpret);
    for (const s of solvers) s.reset();
    const tol = options.solver?.tol ?? 1e-12;
    const dense = this.denseFor(interpret, tol, options.solver?.reuseLU !== false, ev);
    const triggers = (options.triggers ?? []).map((spec) =>
      prepareTrigger(spec, this.program, this.compiled.slots, this.slotOf),
    );
    const triggerBase = new Map<number, Float64Array>();
    for (const t of triggers) {
      for (const s of t.sets) {
        const row = new Float64Array(N + 1);
        for (let p = 0; p <= N; p++) row[p] = o[p * S + s.slot];
        triggerBase.set(s.slot, row);
      }
    }
    const cells = this.accounting.cellCount;
    this.state = {
      o,
      N,
      S,
      dt,
      ev,
      overrides,
      triggers,
      triggerBase,
      solvers,
      dense,
      tol,
      generatedDense: options.solver?.reuseLU !== false,
      blockSlots: this.blockSlotList(),
      denseJ: new Float64Array(SMALL_BLOCK * SMALL_BLOCK),
      denseG: new Float64Array(SMALL_BLOCK),
      denseP: new Int32Array(SMALL_BLOCK),
      checks: options.checks !== false,
      cellsPrev: new Float64Array(cells),
      cellsCur: new Float64Array(cells),
      residual: new Float64Array(N + 1),
      maxResidual: 0,
      where: null,
      fired: [],
      done: 0,
      exogenousSlots: new Set(overrides.map((ov) => ov.slot)),
    };
    this.initialise(this.state);
  }

  /** Called by the generated period function after each block: see {@link PeriodFn}. */
  private readonly blockStep = (block: number, iterations: number): void => {
    this.solveBlock(this.state!, block, iterations);
  };

  /**
   * The k-th block of the current period (`labelPeriod`, `periodTime`). `generated` is the
   * generated dense solve's result: its iterations (recorded), −1 (it failed and left the
   * previous period's values in place: the general solver takes over) or 0 (none ran).
   */
  private solveBlock(st: RunState, k: number, generated: number): void {
    const dense = st.dense[k];
    if (generated > 0) {
      dense!.record(generated);
      return;
    }
    const { o, S, dt, ev } = st;
    const p = this.labelPeriod;
    const t = this.periodTime;
    const fns = ev.blocks[k];
    const solver = st.solvers[k];
    if (generated < 0) {
      solver.solve(o, S, p, t, dt, fns, this.label);
      return;
    }
    const X = ev.X;
    for (const slot of st.blockSlots[k]) if (X[slot] === 0) o[p * S + slot] = o[(p - 1) * S + slot];
    // Exact-Jacobian Newton first where the block has one; the general solver if it fails.
    if (dense === null || dense.solve(o, S, p, t, dt, fns.newton!) < 0) solver.solve(o, S, p, t, dt, fns, this.label);
  }

  /** Period 0: params, the init: system, initial values, hidden stocks. */
  private initialise(st: RunState): void {
    const { o, S, dt, ev } = st;
    const t0 = timeOf(this.compiled, 0, dt);
    const zero = (this.periodZero ??= new PeriodZero(this.context()));
    zero.fill(o, S, t0, dt);
    for (const slot of this.program.initOnlySlots) for (let p = 1; p <= st.N; p++) o[p * S + slot] = o[slot];
    if (st.checks && !this.accounting.empty) ev.cells(o, S, 0, t0, dt, st.cellsPrev);
  }

  /**
   * Run-time assertions (e.g. a smoothing time ≥ dt), checked once, after period 1 is solved:
   * a time constant may be a variable, which has no value before then.
   */
  private checkAssertions(st: RunState, t: number): void {
    const { o, S, dt } = st;
    const zero = this.periodZero!;
    for (const a of zero.assertions) {
      const v = evaluate(a.expr, { o, S, p: 1, t, dt, tables: zero.tables });
      if (!(v >= -1e-12 * dt)) throw new EngineError('bad-input', a.message, a.pos);
    }
  }

  private applyTriggers(st: RunState, p: number): void {
    const { o, S, dt } = st;
    for (const tr of st.triggers) {
      const frame = { o, S, p: p - 1, t: timeOf(this.compiled, p - 1, dt), dt, tables: this.periodZero!.tables };
      const cond = evaluate(tr.when, frame) !== 0;
      tr.held = cond ? tr.held + 1 : 0;
      const active = tr.latched || (cond && tr.held * dt >= (tr.spec.sustain ?? 0) - 1e-9 * dt);
      if (active && tr.spec.latch) tr.latched = true;
      if (active && !tr.fired) {
        tr.fired = true;
        st.fired.push({ when: tr.spec.when, period: p });
      }
      for (const s of tr.sets) o[p * S + s.slot] = active ? s.value : st.triggerBase.get(s.slot)![p];
    }
  }

  step(period: number, external: Record<string, number> = {}): void {
    const st = this.state;
    if (!st) throw new EngineError('bad-input', 'call begin() before step()');
    if (period !== st.done + 1 || period > st.N) {
      throw new EngineError('bad-input', `step(${period}): the next period to solve is ${st.done + 1} of ${st.N}`);
    }
    const names = Object.keys(external);
    if (names.some((n) => !this.program.exogenous.includes(n))) {
      throw new EngineError(
        'bad-input',
        `step(): ${names.join(', ')} must be declared exogenous when compiling (compile(ir, { exogenous: [...] }))`,
      );
    }
    this.solvePeriod(st, period, external);
  }

  /**
   * Solves period p. `external` holds variables given from outside (step API);
   * Every variable of the period is checked for NaN/Infinity right after it is
   * solved (while its row is still in cache).
   */
  private solvePeriod(st: RunState, p: number, external: Record<string, number> | null): void {
    const { o, S, dt, ev } = st;
    const t = timeOf(this.compiled, p, dt);
    if (st.triggers.length) this.applyTriggers(st, p);
    const X = ev.X;
    if (st.overrides.length > 0 || external !== null) {
      for (const slot of st.exogenousSlots) X[slot] = 0;
      for (const ov of st.overrides) {
        if (p >= ov.from && p <= ov.to) {
          X[ov.slot] = 1;
          o[p * S + ov.slot] = ev.V[ov.slot] = ov.values[p - ov.from];
        }
      }
      if (external !== null) {
        for (const name in external) {
          const slot = this.slotOf.get(name)!;
          X[slot] = 1;
          o[p * S + slot] = ev.V[slot] = external[name];
          st.exogenousSlots.add(slot);
        }
      }
    }
    // Messages name the period lazily: one function per instance, no closure per period.
    this.labelPeriod = p;
    this.labelDt = dt;
    const label = this.label;
    this.periodTime = t;
    if (ev.period !== undefined && st.generatedDense) {
      ev.period(o, S, p, t, dt, st.tol, st.denseJ, st.denseG, st.denseP, this.blockStep);
    } else {
      let b = 0;
      let c = 0;
      for (const step of this.program.steps) {
        if (step.kind === 'chunk') ev.chunks[c++](o, S, p, t, dt);
        else this.solveBlock(st, b++, 0);
      }
    }
    if (p === 1) this.checkAssertions(st, t);
    this.scanPeriod(st, p);
    if (st.checks && !this.accounting.empty) {
      ev.cells(o, S, p, t, dt, st.cellsCur);
      const out = this.accounting.check(st.cellsCur, st.cellsPrev, dt, label);
      // A NaN in a cell comes from a NaN variable (or a bad cell expression): explain it as such.
      if (out.nonFinite) {
        this.scanPeriod(st, p);
        throw new EngineError(
          'non-finite',
          `${out.where} is not a finite number in period ${label()}; check its cell expressions`,
        );
      }
      st.residual[p] = out.maxResidual;
      if (out.maxResidual > st.maxResidual || st.where === null) {
        st.maxResidual = Math.max(st.maxResidual, out.maxResidual);
        if (out.where) st.where = `${out.where}, period ${label()}`;
      }
      const tmp = st.cellsPrev;
      st.cellsPrev = st.cellsCur;
      st.cellsCur = tmp;
      if (this.program.residualSlot >= 0) o[p * S + this.program.residualSlot] = out.maxResidual;
    }
    st.done = p;
  }

  result(): RunResult {
    const st = this.state;
    if (!st) throw new EngineError('bad-input', 'call begin() or run() before result()');
    const names = this.compiled.slots.map((s) => s.name);
    const { S, N, dt } = st;
    const slotOf = this.slotOf;
    const P = N + 1;
    const time = new Float64Array(P);
    for (let p = 0; p <= N; p++) time[p] = timeOf(this.compiled, p, dt);
    // The variable-major buffer is made on first use: many callers read a few series only.
    const work = st.o;
    let buffer: Float64Array | undefined;
    let reads = 0;
    const full = () => (buffer ??= transpose(work, S, P));
    const cyclic = this.program.steps.filter((s) => s.kind === 'block');
    return {
      periods: N,
      get buffer() {
        return full();
      },
      names,
      time,
      series(name: string): Float64Array {
        const i = slotOf.get(name);
        if (i === undefined) throw new EngineError('undefined-name', `no series named '${name}'`);
        // A few series are copied out of the working buffer; many make the full transpose worth it.
        if (!buffer && ++reads <= FEW_SERIES) {
          const out = new Float64Array(P);
          for (let p = 0; p < P; p++) out[p] = work[p * S + i];
          return out;
        }
        return full().subarray(i * P, i * P + P);
      },
      iterations: cyclic.map((step, k) => ({
        block: step.eqs.map((i) => this.program.equations[i].name),
        total: st.solvers[k].stats.totalIterations + (st.dense[k]?.totalIterations ?? 0),
        max: Math.max(st.solvers[k].stats.maxIterations, st.dense[k]?.maxIterations ?? 0),
      })),
      accounting: { maxResidual: st.maxResidual, where: st.where, residualByPeriod: st.residual },
      fired: st.fired,
    };
  }

  run(options: RunOptions = {}): RunResult {
    this.begin(options);
    const st = this.state!;
    for (let p = 1; p <= st.N; p++) this.solvePeriod(st, p, null);
    return this.result();
  }

  /** Throws the explanation when a variable of period p is NaN or infinite. */
  private scanPeriod(st: RunState, p: number): void {
    const { o, S } = st;
    // The row was just written, so the whole-row test runs from cache; the equations are summed
    // only when some cell of the row (maybe a param or the residual slot) is not finite.
    if (allFinite(o, p * S, p * S + S)) return;
    let sum = 0;
    const slots = this.equationSlots();
    for (let k = 0; k < slots.length; k++) sum += o[p * S + slots[k]];
    if (Number.isFinite(sum)) return;
    const label = periodLabel(p, this.compiled.start, st.dt, this.compiled.startMonth);
    diagnoseNonFinite(this.context(), o, S, p, timeOf(this.compiled, p, st.dt), st.dt, label);
  }
}

/** Series read one by one before result() transposes the whole buffer instead. */
const FEW_SERIES = 64;

/** Creates a runnable instance of a compiled model (in this thread or a worker). */
export function instantiate(compiled: CompiledModel): ModelInstance {
  return new Instance(compiled);
}
