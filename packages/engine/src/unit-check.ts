/**
 * The unit checker (ENGINE.md §1 "Units", §3.2): infers a unit for every
 * expression from the declared units of params and equations and throws at
 * the first inconsistency — adding a flow to a stock, `exp` of money, a
 * declared unit that the right-hand side does not have.
 *
 * Each expression gets one of three kinds of unit:
 * - a known {@link Unit};
 * - `unknown` (a name whose unit is neither declared nor inferable): matches anything;
 * - `literal` (a number, or an expression of numbers only): matches anything in
 *   `+ − min max if` and comparisons, and counts as dimensionless in `* /`.
 */
import type { Expr, SourcePos } from './ast.js';
import { EngineError, type Warning } from './diagnostics.js';
import { collectNames } from './expr-walk.js';
import type { EquationDef, ModelIR } from './model-ir.js';
import { printExpr } from './print-expr.js';
import {
  DIMENSIONLESS,
  formatUnit,
  isDimensionless,
  parseUnit,
  type Unit,
  unitDiv,
  unitEquals,
  unitFromPowers,
  unitMul,
  unitRoot,
} from './units.js';

const UNKNOWN = 'unknown';
const LITERAL = 'literal';

/** The unit of an expression as far as the checker can tell. */
type Inferred = Unit | typeof UNKNOWN | typeof LITERAL;

/** Names and their known units. */
interface Scope {
  units: Map<string, Unit>;
  tables: ReadonlySet<string>;
  time: Unit;
}

/** Where an expression sits, for messages. */
interface Site {
  /** e.g. `equation 'Y' (Y = C + G)`. */
  label: string;
  pos: SourcePos;
  /** The defined name when the right-hand side reads it lagged (`S = S[-1] + ...`). */
  stock?: string;
}

/** One operand that must agree with the others, with its text for messages. */
interface Operand {
  expr: Expr;
  unit: Inferred;
  negated?: boolean;
}

const DIMENSIONLESS_FUNCTIONS = new Set(['exp', 'log', 'ln', 'sin', 'cos', 'tan', 'atan']);
const SAME_UNIT_FUNCTIONS = new Set(['abs', 'floor', 'ceil', 'round', 'd']);
const AGREEING_FUNCTIONS = new Set(['min', 'max', 'clamp', 'smin', 'smax']);
const DELAY_FUNCTIONS = new Set(['smooth', 'smooth3', 'delay3']);
const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

function isKnown(u: Inferred): u is Unit {
  return typeof u !== 'string';
}

function show(u: Inferred): string {
  return isKnown(u) ? formatUnit(u) : u === LITERAL ? 'number' : 'unknown';
}

function describe(op: Operand): string {
  return `${printExpr(op.expr)} [${show(op.unit)}]`;
}

/** A message for two disagreeing operands: `<what>: a [u] and b [v]`. */
function disagree(what: string): (a: Operand, b: Operand) => string {
  return (a, b) => `${what}: ${describe(a)} and ${describe(b)}`;
}

function mismatch(site: Site, why: string, detail: Record<string, unknown> = {}): EngineError {
  return new EngineError('unit-mismatch', `${site.label}: ${why}`, site.pos, detail);
}

/** Throws `missing-dt` when `a`/`b` are a stock's unit and that unit per time, in either order. */
function checkMissingDt(site: Site, scope: Scope, a: Unit, b: Unit): void {
  if (site.stock === undefined) return;
  const stock = scope.units.get(site.stock);
  if (!stock) return;
  const flow = unitDiv(stock, scope.time);
  if ((unitEquals(a, stock) && unitEquals(b, flow)) || (unitEquals(a, flow) && unitEquals(b, stock))) {
    const s = site.stock;
    throw new EngineError(
      'missing-dt',
      `${site.label}: stock update of '${s}' adds a flow [${formatUnit(flow)}] to a stock [${formatUnit(stock)}] ` +
        `without dt: write ${s} = ${s}[-1] + dt * (...)`,
      site.pos,
      { stock: s, stockUnit: formatUnit(stock), flowUnit: formatUnit(flow) },
    );
  }
}

/**
 * Requires all known units among `ops` to be equal and returns the common
 * unit (`unknown` if none is known but one is unknown, else `literal`).
 */
function agree(
  site: Site,
  scope: Scope,
  ops: Operand[],
  what: (a: Operand, b: Operand) => string,
  isSum = false,
): Inferred {
  const ref = ops.find((op) => isKnown(op.unit));
  if (!ref) return ops.some((op) => op.unit === UNKNOWN) ? UNKNOWN : LITERAL;
  const refUnit = ref.unit as Unit;
  for (const op of ops) {
    if (!isKnown(op.unit) || unitEquals(op.unit, refUnit)) continue;
    if (isSum) checkMissingDt(site, scope, refUnit, op.unit);
    throw mismatch(site, `${what(ref, op)}; give them the same unit (check the declared units of the names involved)`, {
      operands: [printExpr(ref.expr), printExpr(op.expr)],
      units: [formatUnit(refUnit), formatUnit(op.unit)],
    });
  }
  return refUnit;
}

/** Flattens a chain of `+`/`−` into its terms. */
function sumTerms(e: Expr, negated: boolean, out: { expr: Expr; negated: boolean }[]): void {
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-')) {
    sumTerms(e.left, negated, out);
    sumTerms(e.right, e.op === '-' ? !negated : negated, out);
  } else {
    out.push({ expr: e, negated });
  }
}

/** The value of `e` when it is a numeric literal or a negated one. */
function literalValue(e: Expr): number | undefined {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'unary' && e.op === '-') {
    const inner = literalValue(e.arg);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

function nameUnit(name: string, scope: Scope): Inferred {
  if (name === 'time' || name === 'dt') return scope.time;
  if (name === 'period' || name === 'pi') return DIMENSIONLESS;
  if (scope.tables.has(name)) return UNKNOWN;
  return scope.units.get(name) ?? UNKNOWN;
}

/** `literal` stays a wildcard; otherwise the product/quotient of two units. */
function combine(l: Inferred, r: Inferred, op: '*' | '/'): Inferred {
  if (l === UNKNOWN || r === UNKNOWN) return UNKNOWN;
  if (l === LITERAL && r === LITERAL) return LITERAL;
  const a = isKnown(l) ? l : DIMENSIONLESS;
  const b = isKnown(r) ? r : DIMENSIONLESS;
  return op === '*' ? unitMul(a, b) : unitDiv(a, b);
}

function powerUnit(e: Expr & { kind: 'binary' }, scope: Scope, site: Site): Inferred {
  const base = unitOf(e.left, scope, site);
  const exponent = unitOf(e.right, scope, site);
  if (isKnown(exponent) && !isDimensionless(exponent)) {
    throw mismatch(
      site,
      `the exponent of ${printExpr(e)} has unit ${formatUnit(exponent)}; an exponent must be a pure number`,
    );
  }
  if (base === UNKNOWN) return UNKNOWN;
  if (base === LITERAL) return exponent === LITERAL ? LITERAL : DIMENSIONLESS;
  if (isDimensionless(base)) return DIMENSIONLESS;
  const k = literalValue(e.right);
  const baseText = `${printExpr(e.left)} [${formatUnit(base)}]`;
  if (k === undefined) {
    throw mismatch(
      site,
      `cannot raise ${baseText} to the non-literal power ${printExpr(e.right)}; ` +
        'write a number as the exponent, or make the base dimensionless (divide it by a reference value)',
    );
  }
  const powers = new Map<string, number>();
  for (const symbol of Object.keys(base)) {
    const p = base[symbol] * k;
    if (Math.abs(p - Math.round(p)) > 1e-9) {
      throw mismatch(site, `${baseText} ^ ${k} gives a non-integer power of ${symbol}; make the base dimensionless`);
    }
    powers.set(symbol, Math.round(p));
  }
  return unitFromPowers(powers);
}

/** Requires a time span or point (`tau`, `t0`, width) to be in the model's time unit. */
function requireTime(e: Expr, role: string, scope: Scope, site: Site): void {
  const u = unitOf(e, scope, site);
  if (isKnown(u) && !unitEquals(u, scope.time)) {
    throw mismatch(
      site,
      `${role} ${printExpr(e)} has unit ${formatUnit(u)} but must be in time units [${formatUnit(scope.time)}]`,
    );
  }
}

function callUnit(e: Expr & { kind: 'call' }, scope: Scope, site: Site): Inferred {
  const { fn, args } = e;
  const arg = (i: number): Operand => ({ expr: args[i], unit: unitOf(args[i], scope, site) });
  if (DIMENSIONLESS_FUNCTIONS.has(fn)) {
    const ops = args.map((_, i) => arg(i));
    for (const op of ops) {
      if (isKnown(op.unit) && !isDimensionless(op.unit)) {
        throw mismatch(
          site,
          `${fn}() needs a dimensionless argument, but ${describe(op)} has a unit; divide it by a reference value of the same unit`,
        );
      }
    }
    return ops.every((op) => op.unit === LITERAL) ? LITERAL : DIMENSIONLESS;
  }
  if (SAME_UNIT_FUNCTIONS.has(fn)) return arg(0).unit;
  if (AGREEING_FUNCTIONS.has(fn)) {
    const ops = args.map((_, i) => arg(i));
    return agree(site, scope, ops, disagree(`the arguments of ${fn}() disagree`));
  }
  switch (fn) {
    case 'pi':
      return DIMENSIONLESS;
    case 'sqrt': {
      const x = arg(0);
      if (!isKnown(x.unit)) return x.unit;
      const root = unitRoot(x.unit, 2);
      if (!root)
        throw mismatch(site, `sqrt of ${describe(x)} has no unit with integer powers; make the argument's powers even`);
      return root;
    }
    case 'if': {
      unitOf(args[0], scope, site);
      return agree(site, scope, [arg(1), arg(2)], disagree('the branches of if() disagree'));
    }
    case 'lagt':
      requireTime(args[1], 'the lag time', scope, site);
      return arg(0).unit;
    case 'step':
    case 'pulse':
      requireTime(args[1], 'the start time', scope, site);
      if (args[2]) requireTime(args[2], 'the pulse width', scope, site);
      return arg(0).unit;
    case 'ramp': {
      requireTime(args[1], 'the start time', scope, site);
      requireTime(args[2], 'the end time', scope, site);
      const slope = arg(0).unit;
      return isKnown(slope) ? unitMul(slope, scope.time) : slope;
    }
    case 'lookup':
      unitOf(args[1], scope, site);
      return UNKNOWN;
    default:
      if (DELAY_FUNCTIONS.has(fn)) {
        requireTime(args[1], `the delay time of ${fn}()`, scope, site);
        const ops = args.length > 2 ? [arg(0), arg(2)] : [arg(0)];
        return agree(site, scope, ops, disagree(`the input and the initial value of ${fn}() disagree`));
      }
      for (let i = 0; i < args.length; i++) unitOf(args[i], scope, site);
      return UNKNOWN;
  }
}

/** The unit of `e`; throws at the first inconsistency inside it. */
function unitOf(e: Expr, scope: Scope, site: Site): Inferred {
  switch (e.kind) {
    case 'num':
      return LITERAL;
    case 'name':
    case 'lag':
      return nameUnit(e.name, scope);
    case 'unary': {
      const u = unitOf(e.arg, scope, site);
      return e.op === '-' ? u : DIMENSIONLESS;
    }
    case 'call':
      return callUnit(e, scope, site);
    case 'binary':
      break;
  }
  const { op } = e;
  if (op === '+' || op === '-') {
    const terms: { expr: Expr; negated: boolean }[] = [];
    sumTerms(e, false, terms);
    const ops = terms.map((t) => ({ ...t, unit: unitOf(t.expr, scope, site) }));
    return agree(
      site,
      scope,
      ops,
      (a, b) =>
        b.negated && !a.negated
          ? `cannot subtract ${describe(b)} from ${describe(a)}`
          : `cannot add ${describe(a)} and ${describe(b)}`,
      true,
    );
  }
  if (op === '*' || op === '/') return combine(unitOf(e.left, scope, site), unitOf(e.right, scope, site), op);
  if (op === '^') return powerUnit(e, scope, site);
  const l: Operand = { expr: e.left, unit: unitOf(e.left, scope, site) };
  const r: Operand = { expr: e.right, unit: unitOf(e.right, scope, site) };
  if (COMPARISONS.has(op)) agree(site, scope, [l, r], (a, b) => `cannot compare ${describe(a)} ${op} ${describe(b)}`);
  return DIMENSIONLESS;
}

/**
 * Gives each undeclared variable the unit of its right-hand side, re-evaluating
 * an equation whenever a name it reads gets a unit, until nothing changes.
 */
function inferUndeclared(model: ModelIR, scope: Scope, siteOf: (eq: EquationDef) => Site): void {
  const { units } = scope;
  const readers = new Map<string, number[]>();
  model.equations.forEach((eq, i) => {
    const { names, lags } = collectNames(eq.expr);
    for (const name of [...names, ...lags.keys()]) {
      const list = readers.get(name);
      if (list) list.push(i);
      else readers.set(name, [i]);
    }
  });
  const queue = model.equations.map((_, i) => i).filter((i) => !units.has(model.equations[i].name));
  for (let head = 0; head < queue.length; head++) {
    const eq = model.equations[queue[head]];
    if (units.has(eq.name)) continue;
    const u = unitOf(eq.expr, scope, siteOf(eq));
    if (!isKnown(u)) continue;
    units.set(eq.name, u);
    for (const i of readers.get(eq.name) ?? []) if (!units.has(model.equations[i].name)) queue.push(i);
  }
}

/** Checks `name = expr` against the unit known for `name` (if any). */
function checkDefinition(name: string, expr: Expr, scope: Scope, site: Site): void {
  const computed = unitOf(expr, scope, site);
  const expected = scope.units.get(name);
  if (!expected || !isKnown(computed) || unitEquals(expected, computed)) return;
  checkMissingDt(site, scope, expected, computed);
  throw mismatch(
    site,
    `'${name}' has unit ${formatUnit(expected)} but the right-hand side has unit ${formatUnit(computed)}; ` +
      `change the declared unit of '${name}' or the equation`,
    { name, declared: formatUnit(expected), computed: formatUnit(computed) },
  );
}

/** The model's `time_unit` as a unit; a malformed one is a `schema` error that names the key. */
function timeUnit(text: string): Unit {
  try {
    return parseUnit(text);
  } catch (e) {
    if (e instanceof EngineError) throw new EngineError('schema', `time_unit: ${e.message}`, e.pos, e.detail);
    throw e;
  }
}

/**
 * Checks the units of a model: equations, `init:` equations, `initial:`
 * values and `hidden:` identities, against the units declared on params and
 * equations (`unit:`); undeclared variables get the unit of their right-hand
 * side when it can be inferred. `time` and `dt` have the unit `model.timeUnit`,
 * `period` and `pi` are dimensionless.
 * @returns warnings (one `unit-unknown` listing variables whose unit could not
 *   be determined, only when the model declares any unit at all).
 * @throws EngineError `unit-mismatch` or `missing-dt` at the first
 *   inconsistency; `schema` for a malformed unit string.
 */
export function checkUnits(model: ModelIR): Warning[] {
  const units = new Map<string, Unit>();
  for (const p of model.params) if (p.unit !== undefined) units.set(p.name, parseUnit(p.unit, p.pos));
  for (const eq of [...model.equations, ...model.init]) {
    if (eq.unit === undefined) continue;
    const declared = parseUnit(eq.unit, eq.pos);
    const earlier = units.get(eq.name);
    if (earlier && !unitEquals(earlier, declared)) {
      throw new EngineError(
        'unit-mismatch',
        `'${eq.name}' is declared with unit ${formatUnit(declared)} here and ${formatUnit(earlier)} elsewhere; declare one unit`,
        eq.pos,
      );
    }
    units.set(eq.name, declared);
  }
  const declaredAny = units.size > 0;
  const scope: Scope = { units, tables: new Set(model.tables.map((t) => t.name)), time: timeUnit(model.timeUnit) };
  const siteOf = (eq: EquationDef, kind: string): Site => ({
    label: `${kind} '${eq.name}' (${eq.text})`,
    pos: eq.pos,
    stock: collectNames(eq.expr).lags.has(eq.name) ? eq.name : undefined,
  });

  inferUndeclared(model, scope, (eq) => siteOf(eq, 'equation'));

  for (const eq of model.equations) checkDefinition(eq.name, eq.expr, scope, siteOf(eq, 'equation'));
  for (const eq of model.init)
    checkDefinition(eq.name, eq.expr, scope, { ...siteOf(eq, 'init equation'), stock: undefined });
  for (const ini of model.initial) {
    checkDefinition(ini.name, ini.expr, scope, { label: `initial value of '${ini.name}'`, pos: ini.pos });
  }
  for (const h of model.hidden) {
    const site: Site = { label: `hidden identity '${h.text}'`, pos: h.pos };
    const l: Operand = { expr: h.left, unit: unitOf(h.left, scope, site) };
    const r: Operand = { expr: h.right, unit: unitOf(h.right, scope, site) };
    agree(site, scope, [l, r], disagree('the two sides differ'));
  }

  const unresolved = model.equations.filter((eq) => !units.has(eq.name)).map((eq) => eq.name);
  if (!declaredAny || unresolved.length === 0) return [];
  const shown = unresolved.slice(0, 10).join(', ') + (unresolved.length > 10 ? ', ...' : '');
  return [
    {
      code: 'unit-unknown',
      message:
        `the units of ${unresolved.length} variable(s) could not be determined: ${shown}; ` +
        'declare unit: on them or on the params they use',
    },
  ];
}
