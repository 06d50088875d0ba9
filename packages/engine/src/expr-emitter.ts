/**
 * Emits one expression of the checked AST as JavaScript source, for the code
 * generator (codegen.ts, codegen-dense.ts). Only AST nodes produce text; the
 * result is checked by `assertWhitelisted` before anything runs it.
 */
import type { Expr } from './ast.js';
import { EngineError } from './diagnostics.js';

/** Emits one expression; `lags` collects the lag depths used (for the `qK` locals). */
export class ExprEmitter {
  readonly lags = new Set<number>();
  /** Slots already computed in the current function, held in locals `vN`. */
  readonly locals = new Set<number>();
  /** Param slots read through locals `vN` loaded once at the top of the function (chunks only). */
  params: ReadonlySet<number> = new Set<number>();
  /** Param slots read since the caller last cleared this set (it emits their loads). */
  readonly usedParams = new Set<number>();
  /** Subexpressions already held in a local (hoisted out of a loop), by node. */
  readonly hoisted = new Map<Expr, string>();
  constructor(
    private readonly slotOf: Map<string, number>,
    private readonly tableOf: Map<string, number>,
  ) {}

  private slot(name: string): number {
    const s = this.slotOf.get(name);
    if (s === undefined) throw new EngineError('codegen', `internal: no slot for '${name}'`);
    return s;
  }

  emit(e: Expr): string {
    const local = this.hoisted.get(e);
    if (local !== undefined) return local;
    switch (e.kind) {
      case 'num':
        return numberLiteral(e.value);
      case 'name':
        return this.name(e.name);
      case 'lag':
        this.lags.add(e.lag);
        return `o[q${e.lag}+${this.slot(e.name)}]`;
      case 'unary':
        return e.op === '-' ? `(-${this.emit(e.arg)})` : `(${this.emit(e.arg)}===0?1:0)`;
      case 'binary':
        if (isSquare(e)) {
          // x^2 is x*x (the interpreter does the same), far cheaper than Math.pow.
          const base = e.left.kind === 'name' || e.left.kind === 'lag' ? this.emit(e.left) : '';
          return base ? `(${base}*${base})` : `H.sq(${this.emit(e.left)})`;
        }
        return this.binary(e.op, this.emit(e.left), this.emit(e.right));
      case 'call':
        return this.call(e.fn, e.args);
    }
  }

  /**
   * A JS boolean for a condition: comparisons and logic stay booleans instead
   * of going through 1/0 (same branch as `value !== 0` in every case, NaN included).
   */
  private condition(e: Expr): string {
    if (this.hoisted.has(e)) return `(${this.emit(e)}!==0)`;
    if (e.kind === 'binary') {
      const a = () => this.emit(e.left);
      const b = () => this.emit(e.right);
      switch (e.op) {
        case '<':
        case '<=':
        case '>':
        case '>=':
          return `(${a()}${e.op}${b()})`;
        case '==':
          return `(${a()}===${b()})`;
        case '!=':
          return `(${a()}!==${b()})`;
        case 'and':
          return `(${this.condition(e.left)}&&${this.condition(e.right)})`;
        case 'or':
          return `(${this.condition(e.left)}||${this.condition(e.right)})`;
        default:
          break;
      }
    }
    if (e.kind === 'unary' && e.op === 'not') return `(!${this.condition(e.arg)})`;
    return `(${this.emit(e)}!==0)`;
  }

  private name(n: string): string {
    if (n === 'time') return 't';
    if (n === 'dt') return 'dt';
    if (n === 'period') return 'p';
    if (n === 'pi') return 'Math.PI';
    const slot = this.slot(n);
    if (this.locals.has(slot)) return `v${slot}`;
    if (this.params.has(slot)) {
      this.usedParams.add(slot);
      return `v${slot}`;
    }
    return `o[b+${slot}]`;
  }

  private binary(op: string, a: string, b: string): string {
    switch (op) {
      case '^':
        return `Math.pow(${a},${b})`;
      case '==':
        return `(${a}===${b}?1:0)`;
      case '!=':
        return `(${a}!==${b}?1:0)`;
      case '<':
      case '<=':
      case '>':
      case '>=':
        return `(${a}${op}${b}?1:0)`;
      case 'and':
        return `(${a}!==0&&${b}!==0?1:0)`;
      case 'or':
        return `(${a}!==0||${b}!==0?1:0)`;
      default:
        return `(${a}${op}${b})`;
    }
  }

  private call(fn: string, args: Expr[]): string {
    const a = () => args.map((x) => this.emit(x)).join(',');
    switch (fn) {
      case 'if':
        return `(${this.condition(args[0])}?${this.emit(args[1])}:${this.emit(args[2])})`;
      case 'ln':
        return `Math.log(${a()})`;
      case 'log':
        return args.length === 2 ? `H.logBase(${a()})` : `Math.log(${a()})`;
      case 'pi':
        return 'Math.PI';
      case 'clamp':
      case 'smin':
      case 'smax':
        return `H.${fn}(${a()})`;
      case 'step':
        return `H.step(${a()},t,dt)`;
      case 'ramp':
        return `H.ramp(${a()},t)`;
      case 'pulse':
        return `H.pulse(${a()},t,dt)`;
      case 'lookup': {
        const table = args[0].kind === 'name' ? this.tableOf.get(args[0].name) : undefined;
        if (table === undefined) throw new EngineError('codegen', 'internal: lookup of an unknown table');
        return `H.lookup(T${table}x,T${table}y,T${table}e,${this.emit(args[1])})`;
      }
      case 'lagt': {
        const series = args[0].kind === 'name' ? this.slot(args[0].name) : -1;
        return `H.lagt(o,S,${series},p,${this.emit(args[1])},dt)`;
      }
      default:
        return `Math.${fn}(${a()})`;
    }
  }
}

/** `x^2` with a literal 2: evaluated as x*x by both the generated code and the interpreter. */
export function isSquare(e: Expr): boolean {
  return e.kind === 'binary' && e.op === '^' && e.right.kind === 'num' && e.right.value === 2;
}

/** A literal that reads back as exactly the same double. */
export function numberLiteral(v: number): string {
  if (!Number.isFinite(v)) throw new EngineError('codegen', `internal: non-finite literal ${v}`);
  if (Object.is(v, -0)) return '(-0)'; // String(-0) is "0", which would lose the sign
  return v < 0 ? `(${String(v)})` : String(v);
}

/** Row offsets: `b` for period p and `qK` for period max(p − K, 0) (rows of S slots, period-major). */
export function lagLocals(lags: Set<number>): string {
  const lagged = [...lags]
    .sort((x, y) => x - y)
    .map((k) => `const q${k}=(p>${k}?p-${k}:0)*S;`)
    .join('');
  return `const b=p*S;${lagged}`;
}
