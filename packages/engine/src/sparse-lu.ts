/**
 * Sparse LU factorisation with threshold partial pivoting (left-looking
 * Gilbert–Peierls, as in CSparse's `cs_lu`), used by the block solver to
 * factorise the Jacobians of simultaneous blocks (ENGINE.md §3 item 4).
 *
 * The matrix is given in compressed sparse column (CSC) form: the structure
 * (column pointers and row indices) is fixed at construction and the values
 * are passed to each {@link SparseLU.factor} call, so one instance factorises
 * a sequence of Jacobians with the same pattern. Every column k is computed
 * by a sparse triangular solve with the columns of L found so far; the set of
 * rows that can become nonzero is found by a depth-first search over the
 * graph of L, so the work is proportional to the arithmetic actually done,
 * not to n².
 *
 * Ordering: columns are eliminated in their given order (the block's
 * equation order) and no fill-reducing column permutation is applied. Fill
 * is kept down by preferring the diagonal as pivot whenever it is within
 * `pivotThreshold` of the largest candidate in its column (threshold partial
 * pivoting); the Jacobian pattern always contains the diagonal, so for the
 * usual diagonally strong blocks the factors keep the pattern's structure.
 *
 * Storage: L and U grow on demand (doubling) the first time the fill exceeds
 * the initial estimate; after that, refactorising allocates nothing.
 */

/** Tuning of {@link SparseLU}. */
export interface SparseLUOptions {
  /**
   * Keep the diagonal as pivot when |diagonal| ≥ pivotThreshold · max |candidate|
   * (1 = strict partial pivoting). Default 0.1.
   */
  pivotThreshold?: number;
  /**
   * A pivot with |pivot| ≤ singularTol · (largest |entry| of the original column)
   * is treated as zero and the matrix reported singular. Default 1e-13.
   */
  singularTol?: number;
}

/**
 * A reusable sparse LU factoriser for n×n matrices of one fixed CSC pattern:
 * computes P·A = L·U with L unit lower triangular and U upper triangular.
 */
export class SparseLU {
  /** Order of the matrix. */
  readonly n: number;
  /** Column k's entries are `rowIdx[colPtr[k] .. colPtr[k+1]-1]`. */
  readonly colPtr: Int32Array;
  /** Row index of each stored entry (no duplicates within a column). */
  readonly rowIdx: Int32Array;
  /**
   * After a failed {@link factor}: the column at which elimination found no
   * usable pivot (or a non-finite value); −1 after a successful one.
   */
  singularColumn = -1;

  private readonly pivotThreshold: number;
  private readonly singularTol: number;
  private factored = false;
  // Factors: L (unit diagonal stored first in each column) and U (diagonal stored last).
  private readonly lp: Int32Array;
  private li: Int32Array;
  private lx: Float64Array;
  private readonly up: Int32Array;
  private ui: Int32Array;
  private ux: Float64Array;
  /** pinv[row] = elimination step at which `row` became pivot, −1 before. */
  private readonly pinv: Int32Array;
  // Work arrays for the sparse triangular solve and the depth-first search.
  private readonly work: Float64Array;
  private readonly reach: Int32Array;
  private readonly dfsStack: Int32Array;
  private readonly dfsNext: Int32Array;
  private readonly mark: Int32Array;
  private stamp = 0;

  /**
   * @param n order of the matrix
   * @param colPtr n+1 column pointers into `rowIdx`
   * @param rowIdx row indices, in [0, n), no duplicates within a column
   */
  constructor(n: number, colPtr: Int32Array, rowIdx: Int32Array, options: SparseLUOptions = {}) {
    if (colPtr.length !== n + 1 || colPtr[0] !== 0 || colPtr[n] !== rowIdx.length) {
      throw new RangeError(`SparseLU: colPtr must have n+1 = ${n + 1} entries from 0 to rowIdx.length`);
    }
    for (let i = 0; i < rowIdx.length; i++) {
      if (rowIdx[i] < 0 || rowIdx[i] >= n) throw new RangeError(`SparseLU: row index ${rowIdx[i]} outside 0..${n - 1}`);
    }
    this.n = n;
    this.colPtr = colPtr;
    this.rowIdx = rowIdx;
    this.pivotThreshold = options.pivotThreshold ?? 0.1;
    this.singularTol = options.singularTol ?? 1e-13;
    const capacity = 4 * rowIdx.length + n;
    this.lp = new Int32Array(n + 1);
    this.li = new Int32Array(capacity);
    this.lx = new Float64Array(capacity);
    this.up = new Int32Array(n + 1);
    this.ui = new Int32Array(capacity);
    this.ux = new Float64Array(capacity);
    this.pinv = new Int32Array(n);
    this.work = new Float64Array(n);
    this.reach = new Int32Array(n);
    this.dfsStack = new Int32Array(n);
    this.dfsNext = new Int32Array(n);
    this.mark = new Int32Array(n);
  }

  /** True when the last {@link factor} call succeeded. */
  get isFactored(): boolean {
    return this.factored;
  }

  /** Entries stored in L and U (including both diagonals) by the last factorisation. */
  get factorNonzeros(): number {
    return this.factored ? this.lp[this.n] + this.up[this.n] : 0;
  }

  /**
   * Factorises the matrix whose entries (in `rowIdx` order) are `values`.
   * Returns false, leaving no usable factors, when the matrix is singular to
   * working precision or holds a non-finite value; see {@link singularColumn}.
   */
  factor(values: Float64Array): boolean {
    const { n, colPtr, rowIdx, pinv, work: x, reach, lp, up } = this;
    if (values.length < rowIdx.length) throw new RangeError('SparseLU.factor: fewer values than pattern entries');
    this.factored = false;
    pinv.fill(-1);
    let lnz = 0;
    let unz = 0;
    for (let k = 0; k < n; k++) {
      lp[k] = lnz;
      up[k] = unz;
      this.ensureCapacity(lnz + n, unz + n);
      const { li, lx, ui, ux } = this;
      // Which rows of column k can be nonzero after eliminating columns 0..k-1.
      const top = this.computeReach(k);
      for (let q = top; q < n; q++) x[reach[q]] = 0;
      let colScale = 0;
      for (let q = colPtr[k]; q < colPtr[k + 1]; q++) {
        const v = values[q];
        if (!Number.isFinite(v)) return this.fail(k);
        x[rowIdx[q]] = v;
        const a = Math.abs(v);
        if (a > colScale) colScale = a;
      }
      // Sparse triangular solve x = L \ A(:,k), in topological order.
      for (let q = top; q < n; q++) {
        const j = reach[q];
        const col = pinv[j];
        if (col < 0) continue;
        const xj = x[j];
        if (xj === 0) continue;
        for (let r = lp[col] + 1; r < lp[col + 1]; r++) x[li[r]] -= lx[r] * xj;
      }
      // Split into U (pivoted rows) and pivot candidates (rows not yet pivotal).
      let pivotRow = -1;
      let largest = -1;
      for (let q = top; q < n; q++) {
        const i = reach[q];
        if (pinv[i] < 0) {
          const a = Math.abs(x[i]);
          if (!(a <= Number.MAX_VALUE)) return this.fail(k);
          if (a > largest) {
            largest = a;
            pivotRow = i;
          }
        } else {
          ui[unz] = pinv[i];
          ux[unz++] = x[i];
        }
      }
      if (pivotRow < 0 || largest <= this.singularTol * colScale) return this.fail(k);
      if (pivotRow !== k && pinv[k] < 0 && this.mark[k] === this.stamp) {
        if (Math.abs(x[k]) >= this.pivotThreshold * largest) pivotRow = k;
      }
      const pivot = x[pivotRow];
      ui[unz] = k;
      ux[unz++] = pivot;
      pinv[pivotRow] = k;
      li[lnz] = pivotRow;
      lx[lnz++] = 1;
      for (let q = top; q < n; q++) {
        const i = reach[q];
        if (pinv[i] < 0) {
          li[lnz] = i;
          lx[lnz++] = x[i] / pivot;
        }
      }
    }
    lp[n] = lnz;
    up[n] = unz;
    // L's row indices become elimination steps, as U's already are.
    for (let q = 0; q < lnz; q++) this.li[q] = pinv[this.li[q]];
    this.singularColumn = -1;
    this.factored = true;
    return true;
  }

  /** Overwrites `b` with the solution x of A·x = b using the current factors. */
  solve(b: Float64Array): void {
    if (!this.factored) throw new Error('SparseLU.solve: no factors (factor() was not called or failed)');
    const { n, pinv, lp, li, lx, up, ui, ux, work: y } = this;
    for (let i = 0; i < n; i++) y[pinv[i]] = b[i];
    for (let j = 0; j < n; j++) {
      const yj = y[j];
      if (yj === 0) continue;
      for (let q = lp[j] + 1; q < lp[j + 1]; q++) y[li[q]] -= lx[q] * yj;
    }
    for (let j = n - 1; j >= 0; j--) {
      const last = up[j + 1] - 1;
      const yj = y[j] / ux[last];
      y[j] = yj;
      if (yj === 0) continue;
      for (let q = up[j]; q < last; q++) y[ui[q]] -= ux[q] * yj;
    }
    for (let j = 0; j < n; j++) b[j] = y[j];
  }

  private fail(column: number): false {
    this.singularColumn = column;
    this.factored = false;
    return false;
  }

  /**
   * Depth-first search from the rows of A(:,k) over the graph of L (row j
   * links to the rows of L's column pinv[j]). Leaves the reached rows in
   * `reach[top..n-1]` in topological order and returns `top`.
   */
  private computeReach(k: number): number {
    const { n, colPtr, rowIdx, pinv, lp, li, mark, reach, dfsStack: stack, dfsNext: next } = this;
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      mark.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    let top = n;
    for (let q = colPtr[k]; q < colPtr[k + 1]; q++) {
      const start = rowIdx[q];
      if (mark[start] === stamp) continue;
      let head = 0;
      stack[0] = start;
      while (head >= 0) {
        const j = stack[head];
        const col = pinv[j];
        if (mark[j] !== stamp) {
          mark[j] = stamp;
          next[head] = col < 0 ? 0 : lp[col];
        }
        const end = col < 0 ? 0 : lp[col + 1];
        let descended = false;
        for (let r = next[head]; r < end; r++) {
          const i = li[r];
          if (mark[i] === stamp) continue;
          next[head] = r + 1;
          stack[++head] = i;
          descended = true;
          break;
        }
        if (!descended) {
          head--;
          reach[--top] = j;
        }
      }
    }
    return top;
  }

  /** Grows L's and U's storage (doubling) so they can hold the given counts. */
  private ensureCapacity(lNeeded: number, uNeeded: number): void {
    if (lNeeded > this.li.length) {
      const size = Math.max(lNeeded, 2 * this.li.length);
      const li = new Int32Array(size);
      const lx = new Float64Array(size);
      li.set(this.li);
      lx.set(this.lx);
      this.li = li;
      this.lx = lx;
    }
    if (uNeeded > this.ui.length) {
      const size = Math.max(uNeeded, 2 * this.ui.length);
      const ui = new Int32Array(size);
      const ux = new Float64Array(size);
      ui.set(this.ui);
      ux.set(this.ux);
      this.ui = ui;
      this.ux = ux;
    }
  }
}

/**
 * CSC structure of an n×n Jacobian whose row j has entries in the columns
 * `pattern[j]` (sorted, no duplicates) plus the diagonal. `fromPattern[q]`
 * is 1 for entries listed in the pattern and 0 for diagonal-only entries.
 */
export function cscFromRowPattern(
  n: number,
  pattern: Int32Array[],
): { colPtr: Int32Array; rowIdx: Int32Array; fromPattern: Uint8Array } {
  const rowsOfColumn: number[][] = Array.from({ length: n }, (_, k) => [k]);
  for (let j = 0; j < n; j++) for (const k of pattern[j]) if (k !== j) rowsOfColumn[k].push(j);
  const colPtr = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    rowsOfColumn[k].sort((a, b) => a - b);
    colPtr[k + 1] = colPtr[k] + rowsOfColumn[k].length;
  }
  const rowIdx = Int32Array.from(rowsOfColumn.flat());
  const fromPattern = new Uint8Array(rowIdx.length);
  for (let k = 0; k < n; k++) {
    for (let q = colPtr[k]; q < colPtr[k + 1]; q++) fromPattern[q] = pattern[rowIdx[q]].includes(k) ? 1 : 0;
  }
  return { colPtr, rowIdx, fromPattern };
}

/** Result of {@link colourColumns}. */
export interface ColumnColouring {
  /** Colour of each column, 0..count−1. */
  colourOf: Int32Array;
  /** Number of colours. */
  count: number;
  /** Colour c's columns are `columnsByColour[colourStart[c] .. colourStart[c+1]-1]`. */
  colourStart: Int32Array;
  columnsByColour: Int32Array;
}

/**
 * Greedy column colouring (Curtis–Powell–Reid): columns k and l get different
 * colours when some F_j depends on both, so all columns of one colour can be
 * perturbed together in one evaluation. Columns are coloured in index order,
 * each with the smallest colour its neighbours leave free.
 */
export function colourColumns(n: number, pattern: Int32Array[]): ColumnColouring {
  const rowsOfColumn: number[][] = Array.from({ length: n }, () => []);
  for (let j = 0; j < n; j++) for (const k of pattern[j]) rowsOfColumn[k].push(j);
  const colourOf = new Int32Array(n).fill(-1);
  const forbiddenFor = new Int32Array(n + 1).fill(-1);
  let count = 0;
  for (let k = 0; k < n; k++) {
    for (const j of rowsOfColumn[k]) {
      for (const l of pattern[j]) if (colourOf[l] >= 0) forbiddenFor[colourOf[l]] = k;
    }
    let c = 0;
    while (forbiddenFor[c] === k) c++;
    colourOf[k] = c;
    if (c + 1 > count) count = c + 1;
  }
  // Group the columns by colour (counting sort, so each group stays in index order).
  const colourStart = new Int32Array(count + 1);
  for (let k = 0; k < n; k++) colourStart[colourOf[k] + 1]++;
  for (let c = 0; c < count; c++) colourStart[c + 1] += colourStart[c];
  const columnsByColour = new Int32Array(n);
  const fillAt = colourStart.slice(0, count);
  for (let k = 0; k < n; k++) columnsByColour[fillAt[colourOf[k]]++] = k;
  return { colourOf, count, colourStart, columnsByColour };
}
