/**
 * Emits the hand-written-style JavaScript version of a generated model: what a
 * careful programmer would write by hand for speed, used as the lower bound
 * the compiled engine is judged against (ENGINE.md §7).
 *
 * - One `step` per period calling straight-line chunk functions of at most
 *   `chunkSize` equations (V8 stops optimising very large functions; the
 *   engine obeys the same limit), each over plain locals and one time-major
 *   `Float64Array` history `h` (period p, variable i at `h[p*N + i]`), so lags
 *   are plain indexed loads and stores are contiguous.
 * - Params are read once per chunk into locals; no checks, no bookkeeping.
 * - Each cyclic block is solved inline by Newton's method with an analytic
 *   Jacobian and a dense LU without pivoting (I − ∂F/∂y is strictly diagonally
 *   dominant by construction), warm-started from the previous period and
 *   stopped by the engine's own criterion |x − F(x)| ≤ 1e-12·max(1, |x|) (the engine default).
 *   Analytic derivatives and no numerical differencing make this cheaper per
 *   iteration than any general solver can be.
 */
import type { GenEquation, GeneratedModel } from './gen-model.js';
import type { Ref, RefSpeller } from './gen-terms.js';
import { blockTermDerivativeJs, blockTermText, joinTerms, termText } from './gen-terms.js';

/**
 * Default chunk budget: singleton equations count 1, block equations 2 (residual,
 * Jacobian row, update). Measured here: chunks of ~250 mixed equations exceed V8's
 * `--max-optimized-bytecode-size` (60 KiB) and stay in the interpreter (~20× slower).
 */
export const HANDWRITTEN_CHUNK = 120;

const LU_SOLVE = `// Solves J·x = g in place (g ← x) for an m×m row-major J; no pivoting (diagonally dominant).
function luSolve(J, g, m) {
  for (let k = 0; k < m; k++) {
    const inv = 1 / J[k * m + k];
    for (let i = k + 1; i < m; i++) {
      const f = J[i * m + k] * inv;
      if (f === 0) continue;
      for (let j = k + 1; j < m; j++) J[i * m + j] -= f * J[k * m + j];
      g[i] -= f * g[k];
    }
  }
  for (let k = m - 1; k >= 0; k--) {
    let s = g[k];
    for (let j = k + 1; j < m; j++) s -= J[k * m + j] * g[j];
    g[k] = s / J[k * m + k];
  }
}`;

/** Splits equations into chunks of at most `size` weight units, never splitting a cyclic block. */
function chunkEquations(equations: GenEquation[], blocks: number[][], size: number): GenEquation[][] {
  const blockOf = new Map<number, number[]>();
  for (const b of blocks) blockOf.set(b[0], b);
  const chunks: GenEquation[][] = [[]];
  let used = 0;
  for (let k = 0; k < equations.length; ) {
    const block = blockOf.get(equations[k].index);
    const width = block ? block.length : 1;
    const weight = block ? 2 * width : 1;
    if (chunks[chunks.length - 1].length > 0 && used + weight > size) {
      chunks.push([]);
      used = 0;
    }
    chunks[chunks.length - 1].push(...equations.slice(k, k + width));
    used += weight;
    k += width;
  }
  return chunks;
}

/** Emits one chunk function. */
function emitChunk(name: string, eqs: GenEquation[], blocks: Map<number, number[]>): string {
  const first = eqs[0].index;
  const usedParams = new Set<number>();
  const sp: RefSpeller = {
    ref: (r: Ref) => {
      if (r.kind === 'param') {
        usedParams.add(r.index);
        return `p${r.index}`;
      }
      if (r.lag === 0) return r.index >= first ? `x${r.index}` : `h[b + ${r.index}]`;
      return `h[b${r.lag} + ${r.index}]`;
    },
    blockVar: (index) => `x${index}`,
  };
  const body: string[] = [];
  const byIndex = new Map(eqs.map((e) => [e.index, e]));
  for (let k = 0; k < eqs.length; ) {
    const block = blocks.get(eqs[k].index);
    if (!block) {
      const e = eqs[k];
      body.push(`  const x${e.index} = ${joinTerms(e.terms.map((t) => termText(t, sp, true)))};`);
      body.push(`  h[b + ${e.index}] = x${e.index};`);
      k++;
      continue;
    }
    body.push(
      ...emitBlock(
        block.map((i) => byIndex.get(i) as GenEquation),
        sp,
      ),
    );
    k += block.length;
  }
  const hoisted = [...usedParams].sort((a, c) => a - c).map((k) => `  const p${k} = P[${k}];`);
  return `function ${name}(h, P, b, b1, b2, period) {\n${[...hoisted, ...body].join('\n')}\n}`;
}

/** Emits the inline Newton solve of one cyclic block. */
function emitBlock(eqs: GenEquation[], sp: RefSpeller): string[] {
  const m = eqs.length;
  const x = (r: number): string => `x${eqs[r].index}`;
  const pos = new Map(eqs.map((e, r) => [e.index, r]));
  const out: string[] = [`  // cyclic block ${x(0)}…${x(m - 1)}: Newton, analytic Jacobian, LU without pivoting`];
  for (const e of eqs) out.push(`  const c${e.index} = ${joinTerms(e.terms.map((t) => termText(t, sp, true)))};`);
  out.push(`  let ${eqs.map((e) => `${x(pos.get(e.index) as number)} = h[b1 + ${e.index}]`).join(', ')};`);
  out.push('  for (let it = 0; ; it++) {');
  for (let r = 0; r < m; r++) {
    const e = eqs[r];
    const f = joinTerms([{ negative: false, body: `c${e.index}` }, ...e.blockTerms.map((t) => blockTermText(t, sp))]);
    out.push(`    const g${r} = ${x(r)} - (${f});`);
  }
  const converged = eqs.map((_, r) => `Math.abs(g${r}) <= 1e-12 * Math.max(1, Math.abs(${x(r)}))`).join(' && ');
  out.push(`    if (${converged}) break;`);
  out.push(`    if (it === 50) throw new Error('block ${x(0)}… did not converge');`);
  for (let r = 0; r < m; r++) {
    const row = new Array<string>(m).fill('0');
    row[r] = '1';
    for (const t of eqs[r].blockTerms) row[pos.get(t.s) as number] = `-(${blockTermDerivativeJs(t, sp)})`;
    out.push(`    ${row.map((v, s) => `J[${r * m + s}] = ${v};`).join(' ')}`);
  }
  out.push(`    ${eqs.map((_, r) => `G[${r}] = g${r};`).join(' ')}`);
  out.push(`    luSolve(J, G, ${m});`);
  out.push(`    ${eqs.map((_, r) => `${x(r)} -= G[${r}];`).join(' ')}`);
  out.push('  }');
  for (const e of eqs) out.push(`  h[b + ${e.index}] = x${e.index};`);
  return out;
}

/**
 * Emits the hand-written version as a function body (for `new Function`) returning
 * `{ N, run(P, periods, initial) → Float64Array }`; the result is time-major:
 * variable i at period p is `h[p*N + i]`, period 0 = `initial`.
 */
export function emitHandwritten(
  model: Pick<GeneratedModel, 'equations' | 'blocks' | 'names' | 'seed'>,
  chunkSize = HANDWRITTEN_CHUNK,
): string {
  const n = model.names.length;
  const maxBlock = Math.max(1, ...model.blocks.map((b) => b.length));
  const blockMap = new Map(model.blocks.map((b) => [b[0], b]));
  const chunks = chunkEquations(model.equations, model.blocks, chunkSize);
  const fns = chunks.map((eqs, k) => emitChunk(`chunk${k}`, eqs, blockMap));
  const calls = chunks.map((_, k) => `    chunk${k}(h, P, b, b1, b2, period);`).join('\n');
  return `'use strict';
// Hand-written-style version of generated model seed ${model.seed}: ${n} equations, ${model.blocks.length} cyclic blocks.
const N = ${n};
const J = new Float64Array(${maxBlock * maxBlock});
const G = new Float64Array(${maxBlock});
${LU_SOLVE}
${fns.join('\n')}
function run(P, periods, initial) {
  const h = new Float64Array((periods + 1) * N);
  h.set(initial);
  for (let p = 1; p <= periods; p++) {
    const b = p * N;
    const b1 = b - N;
    const b2 = p >= 2 ? b - 2 * N : 0;
    const period = p;
${calls}
  }
  return h;
}
return { N, run };
`;
}

/** A loaded hand-written model. */
export interface HandwrittenModel {
  N: number;
  /** Runs periods 1..periods; returns the time-major history (period 0 = initial). */
  run(params: Float64Array, periods: number, initial: Float64Array): Float64Array;
}

/** Loads hand-written source produced by {@link emitHandwritten} (benchmark-generated code only). */
export function loadHandwritten(source: string): HandwrittenModel {
  return new Function(source)() as HandwrittenModel;
}
