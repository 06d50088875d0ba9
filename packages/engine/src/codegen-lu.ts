/**
 * Code generation of the dense LU of the generated dense Newton solves
 * (codegen-dense.ts), for one block size at a time:
 *
 * - {@link emitLocalLu}: the elimination in locals over the fill pattern of the block's
 *   Jacobian, for the usual case where partial pivoting swaps no rows;
 * - {@link emitLuFactor}/{@link emitLuSolve}: `luFactorScaled` and `luSolve` (dense-lu.ts)
 *   unrolled for a fixed n, with the row swaps, for the other case.
 *
 * Both run the operations of dense-lu.ts in the same order (partial pivoting, the same
 * singularity test, the same skipped zero multipliers), so compiled results stay
 * bit-identical to the interpreter's. Measured on bench (a) (2–8-variable blocks): the block
 * solves took 1.33 ms per run with the loops of dense-lu.ts, 0.81 ms unrolled, 0.41 ms in locals.
 */

/**
 * Emits `function luf{n}(J,P,sc)`: `luFactorScaled` of the n×n row-major
 * `J` in place with pivots in `P` and `sc` its largest |entry|; returns false
 * when a pivot is ≤ 1e-14·sc (or sc is NaN).
 */
export function emitLuFactor(n: number): string {
  const out: string[] = [`function luf${n}(J,P,sc){const tiny=1e-14*sc;let pv=0,lg=0,tmp=0,inv=0,fk=0,ak=0;`];
  for (let k = 0; k < n; k++) {
    const kk = k * n + k;
    out.push(`pv=${k};lg=Math.abs(J[${kk}]);`);
    for (let i = k + 1; i < n; i++) out.push(`ak=Math.abs(J[${i * n + k}]);if(ak>lg){lg=ak;pv=${i};}`);
    out.push(`if(!(lg>tiny))return false;P[${k}]=pv;`);
    if (k === n - 1) break;
    // Row swap: the pivot row is known only at run time, so its cells are addressed from pv.
    const swap: string[] = [];
    for (let c = 0; c < n; c++) swap.push(`tmp=J[${k * n + c}];J[${k * n + c}]=J[pv*${n}+${c}];J[pv*${n}+${c}]=tmp;`);
    out.push(`if(pv!==${k}){${swap.join('')}}`);
    out.push(`inv=1/J[${kk}];`);
    for (let i = k + 1; i < n; i++) {
      const update: string[] = [];
      for (let c = k + 1; c < n; c++) update.push(`J[${i * n + c}]-=fk*J[${k * n + c}];`);
      out.push(`fk=J[${i * n + k}]*inv;J[${i * n + k}]=fk;if(fk!==0){${update.join('')}}`);
    }
  }
  out.push('return true;}');
  return out.join('\n');
}

/**
 * Emits `function lus{n}(J,P,g)`: `luSolve` with the factors and pivots
 * from `luf{n}`, solving in place (g ← J⁻¹g).
 */
export function emitLuSolve(n: number): string {
  const out: string[] = [`function lus${n}(J,P,g){let pv=0,tmp=0,ak=0;`];
  for (let k = 0; k < n; k++) {
    // The last pivot is always n − 1: no swap to test.
    if (k < n - 1) out.push(`pv=P[${k}];if(pv!==${k}){tmp=g[${k}];g[${k}]=g[pv];g[pv]=tmp;}`);
    for (let i = k + 1; i < n; i++) out.push(`g[${i}]-=J[${i * n + k}]*g[${k}];`);
  }
  for (let k = n - 1; k >= 0; k--) {
    const terms: string[] = [];
    for (let c = k + 1; c < n; c++) terms.push(`ak-=J[${k * n + c}]*g[${c}];`);
    out.push(`ak=g[${k}];${terms.join('')}g[${k}]=ak/J[${k * n + k}];`);
  }
  out.push('}');
  return out.join('\n');
}

/** Both functions for every size in `sizes` (each once, in increasing order). */
export function emitLuFunctions(sizes: Iterable<number>): string {
  return [...new Set(sizes)]
    .sort((a, b) => a - b)
    .map((n) => `${emitLuFactor(n)}\n${emitLuSolve(n)}`)
    .join('\n');
}

/**
 * The LU of one block's Jacobian in locals `m{r·n+c}` when no row swap is
 * needed (the usual case: these Jacobians are mostly diagonally dominant).
 * `nonzero` lists the structurally nonzero cells (flat indices; the diagonal
 * is added); the elimination is emitted for the fill pattern of an LU without
 * pivoting, so structurally zero cells cost nothing.
 *
 * - `cells`: the locals of the fill pattern, in increasing index (declare them; at each
 *   factorisation assign the Jacobian to the original cells and 0 to the fill-in).
 * - `factor`: expects `tiny` (1e-14 × largest |entry|) and the locals `inv`, `fk`; returns −1
 *   when a pivot is ≤ tiny, as `luFactorScaled` does, and sets `pivoted=false` when done.
 *   When `luFactorScaled` would swap rows it stops early and leaves `pivoted` as it was
 *   (true): the caller then factorises the Jacobian in memory with `luf{n}`.
 * - `solve`: solves in place on the locals `s0…s{n−1}` with the factors (uses `ak`).
 *
 * Where no swap happens the operations are those of `luFactorScaled`/`luSolve` in the same
 * order, minus the ones on structurally zero cells, which change no value (they add or
 * subtract a zero; only the sign of a zero result could differ).
 */
export function emitLocalLu(n: number, nonzero: Iterable<number>): { cells: number[]; factor: string; solve: string } {
  const pattern = new Set(nonzero);
  for (let i = 0; i < n; i++) pattern.add(i * n + i);
  // Fill-in of an elimination without row swaps.
  for (let k = 0; k < n; k++) {
    for (let i = k + 1; i < n; i++) {
      if (!pattern.has(i * n + k)) continue;
      for (let c = k + 1; c < n; c++) if (pattern.has(k * n + c)) pattern.add(i * n + c);
    }
  }
  const m = (r: number, c: number) => `m${r * n + c}`;
  const below = (k: number) => [...Array(n).keys()].filter((i) => i > k && pattern.has(i * n + k));
  const right = (k: number) => [...Array(n).keys()].filter((c) => c > k && pattern.has(k * n + c));
  const factor: string[] = [];
  let open = 0;
  for (let k = 0; k < n; k++) {
    const rows = below(k);
    // luFactorScaled swaps rows at step k exactly when some |a_ik| > |a_kk| (i > k).
    const swap = rows.map((i) => `Math.abs(${m(i, k)})>Math.abs(${m(k, k)})`).join('||');
    factor.push(swap ? `if(!(${swap})){` : '{');
    open++;
    factor.push(`if(!(Math.abs(${m(k, k)})>tiny))return -1;`);
    if (rows.length === 0) continue;
    factor.push(`inv=1/${m(k, k)};`);
    for (const i of rows) {
      const update = right(k).map((c) => `${m(i, c)}-=fk*${m(k, c)};`);
      factor.push(`fk=${m(i, k)}*inv;${m(i, k)}=fk;${update.length ? `if(fk!==0){${update.join('')}}` : ''}`);
    }
  }
  factor.push(`pivoted=false;${'}'.repeat(open)}`);
  const solve: string[] = [];
  for (let k = 0; k < n; k++) for (const i of below(k)) solve.push(`s${i}-=${m(i, k)}*s${k};`);
  for (let k = n - 1; k >= 0; k--) {
    solve.push(
      `ak=s${k};${right(k)
        .map((c) => `ak-=${m(k, c)}*s${c};`)
        .join('')}s${k}=ak/${m(k, k)};`,
    );
  }
  return {
    cells: [...pattern].sort((a, b) => a - b),
    factor: factor.join('\n'),
    solve: solve.join(''),
  };
}
