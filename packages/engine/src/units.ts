/**
 * Units of measure (ENGINE.md §1): products and quotients of symbols with
 * integer powers, e.g. `USD bn / yr`, `person`, `1`. There are no conversions:
 * `bn` is just another symbol, so `USD bn` and `USD` are different units.
 *
 * Grammar of a unit string (whitespace between two factors multiplies them):
 *
 * ```text
 * unit   := group ('/' group)*
 * group  := factor (('*' | whitespace) factor)*
 * factor := (symbol | '1' | '(' unit ')') ('^' signed-int)?
 * symbol := [A-Za-z_%$] [A-Za-z0-9_%$]*
 * ```
 *
 * Every group after a `/` is wholly in the denominator, so `USD / person / yr`
 * is USD·person⁻¹·yr⁻¹, `a*b/c*d` is (a·b)/(c·d) and `kg m/s^2` is kg·m·s⁻².
 */
import type { SourcePos } from './ast.js';
import { EngineError } from './diagnostics.js';

/**
 * A unit: symbol → nonzero integer power. `{}` is dimensionless. Values are
 * frozen objects without a prototype, so any symbol (even `constructor`) is safe.
 */
export type Unit = Readonly<Record<string, number>>;

/** The dimensionless unit `1`. */
export const DIMENSIONLESS: Unit = makeUnit(new Map());

const GRAMMAR =
  "unit := group ('/' group)*; group := factor (('*' | whitespace) factor)*; " +
  "factor := (symbol | '1' | '(' unit ')') ('^' signed-int)?; symbols are letters, digits, _ % $ (not starting with a digit)";

const SYMBOL_CHAR = /[A-Za-z0-9_%$]/;

/** Builds a frozen, prototype-free unit from powers, dropping zero powers. */
function makeUnit(powers: ReadonlyMap<string, number>): Unit {
  const unit: Record<string, number> = Object.create(null);
  for (const [symbol, power] of powers) if (power !== 0) unit[symbol] = power;
  return Object.freeze(unit);
}

/** Adds `factor · u`'s powers into `acc`. */
function accumulate(acc: Map<string, number>, u: Unit, factor: number): void {
  for (const symbol of Object.keys(u)) acc.set(symbol, (acc.get(symbol) ?? 0) + factor * u[symbol]);
}

/** Recursive-descent parser over one unit string; see the module TSDoc for the grammar. */
class UnitParser {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly pos: SourcePos | undefined,
  ) {}

  parse(): Unit {
    if (this.text.trim() === '') this.fail("the unit is empty; write '1' for a dimensionless quantity");
    const unit = this.unit();
    this.skipSpace();
    if (this.i < this.text.length) this.fail(`unexpected '${this.text[this.i]}' at column ${this.i + 1}`);
    return unit;
  }

  private unit(): Unit {
    const acc = new Map<string, number>();
    accumulate(acc, this.group(), 1);
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] !== '/') break;
      this.i++;
      accumulate(acc, this.group(), -1);
    }
    return makeUnit(acc);
  }

  private group(): Unit {
    const acc = new Map<string, number>();
    accumulate(acc, this.factor(), 1);
    for (;;) {
      this.skipSpace();
      const ch = this.text[this.i];
      if (ch === '*') {
        this.i++;
        accumulate(acc, this.factor(), 1);
      } else if (ch !== undefined && (ch === '(' || SYMBOL_CHAR.test(ch))) {
        accumulate(acc, this.factor(), 1);
      } else {
        break;
      }
    }
    return makeUnit(acc);
  }

  private factor(): Unit {
    this.skipSpace();
    const ch = this.text[this.i];
    let base: Unit;
    if (ch === '(') {
      this.i++;
      base = this.unit();
      this.skipSpace();
      if (this.text[this.i] !== ')') this.fail(`expected ')' at column ${this.i + 1}`);
      this.i++;
    } else if (ch !== undefined && SYMBOL_CHAR.test(ch)) {
      const start = this.i;
      while (this.i < this.text.length && SYMBOL_CHAR.test(this.text[this.i])) this.i++;
      const word = this.text.slice(start, this.i);
      if (word !== '1' && /^[0-9]/.test(word)) {
        this.fail(`'${word}' is not a symbol (symbols do not start with a digit; no numeric factors except 1)`);
      }
      base = word === '1' ? DIMENSIONLESS : makeUnit(new Map([[word, 1]]));
    } else {
      this.fail(ch === undefined ? 'a symbol is missing at the end' : `expected a symbol at column ${this.i + 1}`);
    }
    if (this.text[this.i] === '^') {
      this.i++;
      const match = /^[+-]?[0-9]+/.exec(this.text.slice(this.i));
      if (!match || !Number.isSafeInteger(Number(match[0]))) {
        this.fail(`expected an integer power after '^' at column ${this.i + 1}`);
      }
      this.i += match[0].length;
      base = unitPow(base, Number(match[0]));
    }
    return base;
  }

  private skipSpace(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i])) this.i++;
  }

  private fail(why: string): never {
    throw new EngineError('schema', `malformed unit '${this.text}': ${why}; expected ${GRAMMAR}`, this.pos, {
      unit: this.text,
    });
  }
}

/**
 * Parses a unit string (grammar in the module TSDoc).
 * @param text e.g. `USD bn / yr`, `1/month`, `kg m/s^2`, `1`.
 * @param pos where the string came from, for the error.
 * @throws EngineError `schema` when the string does not follow the grammar.
 */
export function parseUnit(text: string, pos?: SourcePos): Unit {
  return new UnitParser(text, pos).parse();
}

/** Formats one side of a quotient: `a b^2`, `1` when empty. */
function formatSide(entries: [string, number][]): string {
  if (entries.length === 0) return '1';
  return entries.map(([symbol, power]) => (power === 1 ? symbol : `${symbol}^${power}`)).join(' ');
}

/**
 * Canonical text of a unit: symbols in code-point order, positive powers
 * first, then ` / ` and the negative powers (parenthesised when more than
 * one), e.g. `USD bn / yr`, `USD / (person yr)`, `1 / person`, `kg m / s^2`,
 * and `1` for dimensionless. `parseUnit(formatUnit(u))` equals `u`.
 */
export function formatUnit(u: Unit): string {
  const symbols = Object.keys(u).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const numerator: [string, number][] = [];
  const denominator: [string, number][] = [];
  for (const symbol of symbols) {
    const power = u[symbol];
    if (power > 0) numerator.push([symbol, power]);
    else denominator.push([symbol, -power]);
  }
  if (denominator.length === 0) return formatSide(numerator);
  const below = formatSide(denominator);
  return `${formatSide(numerator)} / ${denominator.length > 1 ? `(${below})` : below}`;
}

/**
 * A unit from symbol → power pairs (zero powers are dropped).
 * @throws RangeError when a power is not an integer (a programming error).
 */
export function unitFromPowers(powers: Iterable<readonly [string, number]>): Unit {
  const acc = new Map<string, number>();
  for (const [symbol, power] of powers) {
    if (!Number.isInteger(power)) throw new RangeError(`unitFromPowers: power ${power} of ${symbol} is not an integer`);
    acc.set(symbol, (acc.get(symbol) ?? 0) + power);
  }
  return makeUnit(acc);
}

/** The product `a · b`. */
export function unitMul(a: Unit, b: Unit): Unit {
  const acc = new Map<string, number>();
  accumulate(acc, a, 1);
  accumulate(acc, b, 1);
  return makeUnit(acc);
}

/** The quotient `a / b`. */
export function unitDiv(a: Unit, b: Unit): Unit {
  const acc = new Map<string, number>();
  accumulate(acc, a, 1);
  accumulate(acc, b, -1);
  return makeUnit(acc);
}

/**
 * The power `u^k` for an integer `k`.
 * @throws RangeError when `k` is not an integer (a programming error: use {@link unitRoot}).
 */
export function unitPow(u: Unit, k: number): Unit {
  if (!Number.isInteger(k)) throw new RangeError(`unitPow: power ${k} is not an integer`);
  const acc = new Map<string, number>();
  accumulate(acc, u, k);
  return makeUnit(acc);
}

/**
 * The n-th root of `u` (n a positive integer), or `undefined` when some power
 * is not divisible by n (e.g. the square root of `m^3`).
 */
export function unitRoot(u: Unit, n: number): Unit | undefined {
  const acc = new Map<string, number>();
  for (const symbol of Object.keys(u)) {
    if (u[symbol] % n !== 0) return undefined;
    acc.set(symbol, u[symbol] / n);
  }
  return makeUnit(acc);
}

/** True when `a` and `b` have the same symbols with the same powers. */
export function unitEquals(a: Unit, b: Unit): boolean {
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((symbol) => Object.hasOwn(b, symbol) && b[symbol] === a[symbol]);
}

/** True for the unit `1` (no symbols). */
export function isDimensionless(u: Unit): boolean {
  return Object.keys(u).length === 0;
}
