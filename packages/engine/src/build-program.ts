/**
 * From the resolved model to the runnable {@link Program}: analyse names and
 * units, lower delays, assign slots, order equations into blocks.
 */

import { analyseNames } from './analyse.js';
import type { SlotInfo } from './api-types.js';
import type { Expr } from './ast.js';
import { differentiate, NotDifferentiable } from './derivative.js';
import { EngineError, type Warning } from './diagnostics.js';
import { Lowerer } from './lower.js';
import type { EquationDef, ModelIR } from './model-ir.js';
import { groupSteps, stronglyConnected } from './order.js';
import type { Program, ProgramEquation, ProgramStep } from './program.js';
import { checkUnits } from './unit-check.js';

/** Reserved series holding the largest accounting residual of each period. */
export const RESIDUAL_SERIES = 'accounting_residual_max';

/**
 * Names read in the current period by `e`: lags, `lagt`'s series argument
 * (which reads only past values) and `lookup`'s table are not dependencies.
 */
export function contemporaneousNames(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.kind) {
    case 'name':
      out.add(e.name);
      break;
    case 'unary':
      contemporaneousNames(e.arg, out);
      break;
    case 'binary':
      contemporaneousNames(e.left, out);
      contemporaneousNames(e.right, out);
      break;
    case 'call': {
      const skipFirst = e.fn === 'lagt' || e.fn === 'lookup';
      e.args.forEach((a, i) => {
        if (!(skipFirst && i === 0)) contemporaneousNames(a, out);
      });
      break;
    }
    default:
      break;
  }
  return out;
}

/** Blocks up to this size get exact Jacobians (when differentiable) and the dense Newton solver. */
export const SMALL_BLOCK = 8;

/** Adds exact Jacobian entries to small blocks whose equations are all differentiable. */
function addJacobians(steps: ProgramStep[], equations: ProgramEquation[]): ProgramStep[] {
  return steps.map((step) => {
    if (step.kind !== 'block' || step.eqs.length > SMALL_BLOCK) return step;
    const names = step.eqs.map((i) => equations[i].name);
    try {
      const jacobian = step.pattern.flatMap((cols, row) =>
        cols.map((col) => ({ row, col, expr: differentiate(equations[step.eqs[row]].expr, names[col]) })),
      );
      return { ...step, jacobian };
    } catch (err) {
      if (err instanceof NotDifferentiable) return step;
      throw err;
    }
  });
}

function order(equations: ProgramEquation[]) {
  const index = new Map(equations.map((e, i) => [e.name, i]));
  const deps = equations.map((e) => {
    const d: number[] = [];
    for (const n of contemporaneousNames(e.expr)) {
      const j = index.get(n);
      if (j !== undefined) d.push(j);
    }
    return d;
  });
  return groupSteps(stronglyConnected(deps), deps);
}

/** The program plus its slot table and warnings. */
export interface BuiltProgram {
  program: Program;
  slots: SlotInfo[];
  warnings: Warning[];
}

/** Builds the program for `ir`; `exogenous` names variables that may be set from outside. */
export function buildProgram(ir: ModelIR, exogenous: readonly string[] = []): BuiltProgram {
  const { names, warnings } = analyseNames(ir);
  warnings.push(...checkUnits(ir));
  const lowerer = new Lowerer();
  const lowered = ir.equations.map((e) => ({ def: e, expr: lowerer.lower(e.expr, e.name) }));
  const hidden = ir.hidden.map((h) => ({
    left: lowerer.lower(h.left, 'hidden'),
    right: lowerer.lower(h.right, 'hidden'),
    text: h.text,
    tolerance: h.tolerance ?? 1e-8,
    pos: h.pos,
  }));
  const matrices = ir.matrices.map((m) => ({
    ...m,
    cells: m.cells.map((c) => ({ ...c, expr: lowerer.lower(c.expr, m.name) })),
  }));
  const initLowerer = new Lowerer();
  const init = ir.init.map((e) => ({ def: e, expr: initLowerer.lower(e.expr, e.name) }));
  if (initLowerer.result.derived.length > 0) {
    throw new EngineError(
      'bad-input',
      'init: equations cannot use d(), smooth or delay functions (they are solved once, at period 0)',
      ir.init[0]?.pos,
    );
  }

  const slots: SlotInfo[] = [];
  const slotOf = new Map<string, number>();
  const addSlot = (info: SlotInfo) => {
    slotOf.set(info.name, slots.length);
    slots.push(info);
  };
  const describe = (e: EquationDef): SlotInfo => ({
    name: e.name,
    kind: 'variable',
    unit: e.unit,
    doc: e.doc,
    source: e.source,
    equation: e.text,
  });
  for (const { def } of lowered) addSlot(describe(def));
  const derived = lowerer.result.derived;
  for (const d of derived) addSlot({ name: d.name, kind: 'hidden-stock', doc: d.doc });
  for (const n of names.initOnly) addSlot(describe(ir.init.find((e) => e.name === n)!));
  for (const p of ir.params) {
    addSlot({
      name: p.name,
      kind: 'param',
      unit: p.unit,
      doc: p.doc,
      source: p.source,
      role: p.role,
      range: p.range,
      dist: p.dist,
      shape: p.shape,
      value: p.value,
    });
  }
  const residualSlot = ir.matrices.length > 0 ? slots.length : -1;
  if (residualSlot >= 0) {
    addSlot({
      name: RESIDUAL_SERIES,
      kind: 'variable',
      unit: undefined,
      doc: 'largest accounting residual over all matrix checks in the period',
    });
  }

  const equations: ProgramEquation[] = [
    ...lowered.map(({ def, expr }) => ({
      name: def.name,
      slot: slotOf.get(def.name)!,
      expr,
      text: def.text,
      pos: def.pos,
    })),
    ...derived.map((d) => ({ name: d.name, slot: slotOf.get(d.name)!, expr: d.expr, text: `${d.name} (${d.doc})` })),
  ];
  const initEquations = init.map(({ def, expr }) => ({
    name: def.name,
    slot: slotOf.get(def.name)!,
    expr,
    text: def.text,
    pos: def.pos,
  }));
  for (const n of exogenous) {
    if (!names.variables.has(n))
      throw new EngineError('undefined-name', `'${n}' is not a variable, so it cannot be set from outside`);
  }
  const shockVars = ir.shocks.filter((s) => names.variables.has(s.target)).map((s) => s.target);
  return {
    program: {
      equations,
      steps: addJacobians(order(equations), equations),
      initEquations,
      initSteps: order(initEquations),
      initOnlySlots: [...names.initOnly].map((n) => slotOf.get(n)!),
      initial: ir.initial.map((i) => ({ slot: slotOf.get(i.name)!, expr: i.expr })),
      derivedInitial: derived.map((d) => ({ slot: slotOf.get(d.name)!, expr: d.initial })),
      params: ir.params.map((p) => ({ slot: slotOf.get(p.name)!, value: p.value })),
      tables: ir.tables.map((t) => ({ name: t.name, x: t.x, y: t.y, extrapolate: t.extrapolate })),
      hidden,
      matrices,
      shocks: ir.shocks,
      assertions: lowerer.result.assertions,
      exogenous: [...new Set([...shockVars, ...exogenous])],
      residualSlot,
    },
    slots,
    warnings,
  };
}
