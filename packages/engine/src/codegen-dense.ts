/**
 * Code generation for the small simultaneous blocks that have an exact
 * Jacobian: the whole dense Newton solve of one period as one generated
 * function, the same algorithm as {@link DenseNewton} step for step (so
 * compiled and interpreted runs stay bit-identical), but with
 *
 * - the block's variables in locals instead of the working buffer;
 * - every block-invariant subexpression (one with no current-period reference
 *   to a variable of the block: params, variables solved earlier, lags)
 *   computed once per solve, before the iterations, into a local;
 * - the Jacobian evaluated only when it will be factorised;
 * - the LU in locals over the Jacobian's fill pattern when partial pivoting would swap no
 *   rows (`emitLocalLu`, codegen-lu.ts); otherwise in memory by `luf{n}`/`lus{n}`, the loops
 *   of dense-lu.ts unrolled for the block's size (emitted once per size by the caller).
 *
 * The scale of the singularity test is taken over the structurally nonzero entries only (the
 * others are literal zeros, so the maximum is the same).
 */
import type { Expr } from './ast.js';
import { emitLocalLu } from './codegen-lu.js';
import { ExprEmitter, lagLocals } from './expr-emitter.js';
import { childrenOf } from './expr-map.js';
import type { ProgramEquation, ProgramStep } from './program.js';

/** Newton iterations of one inline solve before it gives up (as {@link DenseNewton}). */
export const DENSE_MAX_ITERATIONS = 20;

/** Names that are not slots: never block variables, and cheap enough to read in place. */
const RESERVED = new Set(['time', 'dt', 'period', 'pi']);

/**
 * Emits `function b{k}d(o,S,p,t,dt,tol,J,g,P)`: starts from the previous
 * period's values (also written to o, where the general solver starts after a
 * failure), returns the iterations used (the solution written to o), or −1
 * when it failed (o then holds the starting values).
 */
export function emitDenseBlock(
  k: number,
  step: Extract<ProgramStep, { kind: 'block' }>,
  eqs: ProgramEquation[],
  slotOf: Map<string, number>,
  tableOf: Map<string, number>,
): string {
  const jacobian = step.jacobian ?? [];
  const n = eqs.length;
  const em = new ExprEmitter(slotOf, tableOf);
  const blockNames = new Set(eqs.map((e) => e.name));
  const slots = eqs.map((e) => e.slot);
  const x = (j: number) => `v${slots[j]}`;

  // Hoist the maximal block-invariant subtrees (deduplicated by their text) into locals w0, w1, ...
  const invariant = new Map<Expr, boolean>();
  const isInvariant = (e: Expr): boolean => {
    let known = invariant.get(e);
    if (known === undefined) {
      known = childrenOf(e).every(isInvariant) && !(e.kind === 'name' && blockNames.has(e.name));
      invariant.set(e, known);
    }
    return known;
  };
  const plain = new ExprEmitter(slotOf, tableOf);
  const byText = new Map<string, string>();
  const prepare: string[] = [];
  const hoist = (e: Expr): void => {
    if (!isInvariant(e)) {
      // The first argument of lookup() and lagt() names a table or a series: it stays as it is.
      const named = e.kind === 'call' && (e.fn === 'lookup' || e.fn === 'lagt');
      childrenOf(e).forEach((c, i) => {
        if (!(named && i === 0)) hoist(c);
      });
      return;
    }
    if (e.kind === 'num' || (e.kind === 'name' && RESERVED.has(e.name))) return;
    const text = plain.emit(e);
    let local = byText.get(text);
    if (local === undefined) {
      local = `w${byText.size}`;
      byText.set(text, local);
      prepare.push(`const ${local}=${text};`);
    }
    em.hoisted.set(e, local);
  };
  for (const eq of eqs) hoist(eq.expr);
  for (const entry of jacobian) hoist(entry.expr);
  for (const slot of slots) em.locals.add(slot);

  const all = (f: (j: number) => string, sep: string) => slots.map((_s, j) => f(j)).join(sep);
  const residuals = all((j) => `const r${j}=${em.emit(eqs[j].expr)};`, '');
  // The Jacobian J − I, with the diagonal always present; other cells without an entry are 0.
  const entryAt = new Map(jacobian.map((e) => [e.row * n + e.col, e.expr]));
  const cellValue = (cell: number): string => {
    const entry = entryAt.get(cell);
    const value = entry ? em.emit(entry) : '0';
    return cell % (n + 1) === 0 ? `${value}-1` : value;
  };
  const original = [...Array(n * n).keys()].filter((cell) => entryAt.has(cell) || cell % (n + 1) === 0);
  const lu = emitLocalLu(n, original);
  // Factorised in locals (no row swap: the usual case), or in memory by luf{n} when a swap is needed.
  const inLocals = lu.cells.map((cell) => `m${cell}=${original.includes(cell) ? cellValue(cell) : '0'};`);
  const inMemory = [...Array(n * n).keys()].map((cell) => `J[${cell}]=${cellValue(cell)};`);
  // The largest |entry| for the singularity test, over the entries that are not the literal 0.
  const scale = original.map((cell) => `Math.abs(m${cell})`).reduce((acc, v) => `Math.max(${acc},${v})`);
  const factorise = [
    inLocals.join(''),
    `const sc=${scale};const tiny=1e-14*sc;pivoted=true;`,
    lu.factor,
    `if(pivoted){${inMemory.join('')}if(!luf${n}(J,P,sc))return -1;}`,
  ].join('\n');
  const solve = `if(pivoted){${all((j) => `g[${j}]=d${j};`, '')}lus${n}(J,P,g);${all((j) => `s${j}=g[${j}];`, '')}}else{${all((j) => `s${j}=d${j};`, '')}${lu.solve}}`;
  const finite = (name: string) => all((j) => `${name}${j}-${name}${j}===0`, '&&');
  const within = (g: (j: number) => string, size: (j: number) => string) =>
    all((j) => `Math.abs(${g(j)})<=tol*Math.max(1,Math.abs(${size(j)}))`, '&&');
  const lines = [
    `function b${k}d(o,S,p,t,dt,tol,J,g,P){${lagLocals(new Set([...plain.lags, ...em.lags]))}`,
    prepare.join('\n'),
    `let ${all((j) => `${x(j)}=o[b-S+${slots[j]}]`, ',')};`,
    all((j) => `o[b+${slots[j]}]=${x(j)};`, ''),
    `let ${lu.cells.map((cell) => `m${cell}=0`).join(',')};`,
    `let ${all((j) => `s${j}=0`, ',')};`,
    'let fa=false,pivoted=false,inv=0,fk=0,ak=0;',
    `for(let it=1;it<=${DENSE_MAX_ITERATIONS};it++){`,
    residuals,
    all((j) => `const d${j}=r${j}-${x(j)};`, ''),
    `if(!(${finite('d')}))return -1;`,
    `const cv=${within((j) => `d${j}`, x)};`,
    `if(!(cv&&fa)){${factorise}\nfa=true;}`,
    solve,
    all((j) => `const n${j}=${x(j)}-s${j};`, ''),
    `if(!(${finite('n')}))return -1;`,
    `const sm=${within(
      (j) => `s${j}`,
      (j) => `n${j}`,
    )};`,
    all((j) => `${x(j)}=n${j};`, ''),
    `if(cv||sm){${all((j) => `o[b+${slots[j]}]=${x(j)};`, '')}return it;}`,
    '}',
    'return -1;',
    '}',
  ];
  return lines.join('\n');
}
