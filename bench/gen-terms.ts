/**
 * The terms the benchmark model generator builds equations from, and how each
 * is written in the engine's expression language (ENGINE.md §2) and in plain
 * JavaScript for the hand-written version. Every term is bounded by a "gain"
 * (Lipschitz factor in its variable inputs) plus a constant, so generated
 * models stay bounded for any number of periods.
 */

/** A reference to a value: a variable (current period or lagged) or a param. */
export type Ref = { kind: 'var'; index: number; lag: 0 | 1 | 2 } | { kind: 'param'; index: number };

/** One additive term of an equation; coefficients are decimal literals (strings). */
export type Term =
  | { kind: 'lin'; a: string; u: Ref }
  | { kind: 'ratio'; a: string; u: Ref; v: Ref }
  | { kind: 'max' | 'min'; a: string; u: Ref; v: Ref }
  | { kind: 'abs' | 'sqrt' | 'gauss' | 'square'; a: string; u: Ref }
  | { kind: 'ifpos'; a: string; b: string; u: Ref; v: Ref }
  | { kind: 'param'; p: number }
  | { kind: 'sin'; amp: string; freq: string; phase: string };

/** A term coupling a block variable to another variable of the same cyclic block. */
export type BlockTerm = { kind: 'blin' | 'brat'; a: string; s: number };

/** How references are spelled in one target language. */
export interface RefSpeller {
  ref(r: Ref): string;
  /** Spelling of a same-block variable (always current period). */
  blockVar(index: number): string;
}

/** Names used in the model YAML: variables `x<i>`, params `p<k>`, lags `x<i>[-k]`. */
export const yamlSpeller: RefSpeller = {
  ref: (r) => (r.kind === 'param' ? `p${r.index}` : r.lag === 0 ? `x${r.index}` : `x${r.index}[-${r.lag}]`),
  blockVar: (index) => `x${index}`,
};

/** A term as text, split into sign and magnitude so sums read `a - 0.2*x`. */
export interface TermText {
  negative: boolean;
  body: string;
}

const splitSign = (a: string): [boolean, string] => (a.startsWith('-') ? [true, a.slice(1)] : [false, a]);

/** Writes a term in the engine's expression language (`js: false`) or in JavaScript (`js: true`). */
export function termText(t: Term, sp: RefSpeller, js: boolean): TermText {
  const fn = (name: string): string => (js ? `Math.${name}` : name);
  switch (t.kind) {
    case 'lin': {
      const [neg, a] = splitSign(t.a);
      return { negative: neg, body: `${a}*${sp.ref(t.u)}` };
    }
    case 'ratio': {
      const [neg, a] = splitSign(t.a);
      const v = sp.ref(t.v);
      return { negative: neg, body: `${a}*${sp.ref(t.u)}*${v}/(1 + ${v}*${v})` };
    }
    case 'max':
    case 'min': {
      const [neg, a] = splitSign(t.a);
      return { negative: neg, body: `${a}*${fn(t.kind)}(${sp.ref(t.u)}, ${sp.ref(t.v)})` };
    }
    case 'abs': {
      const [neg, a] = splitSign(t.a);
      return { negative: neg, body: `${a}*${fn('abs')}(${sp.ref(t.u)})` };
    }
    case 'sqrt': {
      const [neg, a] = splitSign(t.a);
      const u = sp.ref(t.u);
      return { negative: neg, body: `${a}*${fn('sqrt')}(1 + ${u}*${u})` };
    }
    case 'gauss': {
      const [neg, a] = splitSign(t.a);
      const u = sp.ref(t.u);
      return { negative: neg, body: `${a}*${fn('exp')}(-0.1*${u}*${u})` };
    }
    case 'square': {
      const [neg, a] = splitSign(t.a);
      const u = sp.ref(t.u);
      return js
        ? { negative: neg, body: `${a}*(${u}*${u})/(1 + ${u}*${u})` }
        : { negative: neg, body: `${a}*${u}^2/(1 + ${u}^2)` };
    }
    case 'ifpos': {
      const u = sp.ref(t.u);
      const v = sp.ref(t.v);
      return js
        ? { negative: false, body: `(${u} > ${v} ? ${t.a}*${u} : ${t.b}*${v})` }
        : { negative: false, body: `if(${u} > ${v}, ${t.a}*${u}, ${t.b}*${v})` };
    }
    case 'param':
      return { negative: false, body: sp.ref({ kind: 'param', index: t.p }) };
    case 'sin':
      return { negative: false, body: `${t.amp}*${fn('sin')}(${t.freq}*period + ${t.phase})` };
  }
}

/** Writes a same-block coupling term; `brat` is a·y/(1 + 0.1·y²), whose slope lies in [−a/8, a]. */
export function blockTermText(t: BlockTerm, sp: RefSpeller): TermText {
  const [neg, a] = splitSign(t.a);
  const y = sp.blockVar(t.s);
  return t.kind === 'blin'
    ? { negative: neg, body: `${a}*${y}` }
    : { negative: neg, body: `${a}*${y}/(1 + 0.1*${y}*${y})` };
}

/**
 * JavaScript for ∂(term)/∂y of a block term (y = the coupled variable), used by the
 * hand-written Newton solver's analytic Jacobian.
 */
export function blockTermDerivativeJs(t: BlockTerm, sp: RefSpeller): string {
  const y = sp.blockVar(t.s);
  if (t.kind === 'blin') return t.a;
  const q = `(1 + 0.1*${y}*${y})`;
  return `${t.a}*(1 - 0.1*${y}*${y})/(${q}*${q})`;
}

/** Joins terms into a sum: `t1 + t2 - t3` (the first term keeps a leading minus). */
export function joinTerms(parts: TermText[]): string {
  if (parts.length === 0) return '0';
  let out = parts[0].negative ? `-${parts[0].body}` : parts[0].body;
  for (let i = 1; i < parts.length; i++) out += ` ${parts[i].negative ? '-' : '+'} ${parts[i].body}`;
  return out;
}

/** Largest |∂term/∂input| summed over the term's variable inputs (its gain). */
export function termGain(t: Term): number {
  switch (t.kind) {
    case 'lin':
    case 'max':
    case 'min':
    case 'abs':
    case 'sqrt':
      return Math.abs(Number(t.a));
    case 'ratio':
      // |u·v/(1+v²)| ≤ |u|/2, but its slope in v reaches |u|/8·… — bounded values make 0.5|a|·B the bound.
      return 0.5 * Math.abs(Number(t.a));
    case 'ifpos':
      return Math.max(Math.abs(Number(t.a)), Math.abs(Number(t.b)));
    default:
      return 0;
  }
}
