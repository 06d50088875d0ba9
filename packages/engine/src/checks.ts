/**
 * Per-period checks (ENGINE.md §3.6): accounting matrices (rows, columns,
 * stock–flow consistency with revaluations) and hidden identities. Works on
 * the cell values computed for a period, in the order of `checkExpressions`.
 */
import type { SourcePos } from './ast.js';
import { EngineError } from './diagnostics.js';
import type { Program } from './program.js';

interface SumCheck {
  label: string;
  pos?: SourcePos;
  /** Indices into the cell array and their signs. */
  terms: { cell: number; sign: number; text: string }[];
  tolerance: number;
}

interface StockFlowCheck {
  label: string;
  pos?: SourcePos;
  stockCell: number;
  flowCell: number;
  revalCell: number;
  tolerance: number;
}

/** Outcome of one period's checks. */
export interface CheckOutcome {
  maxResidual: number;
  where: string | null;
  /** True when a check's sum is NaN or infinite (then `where` names it and nothing was thrown). */
  nonFinite: boolean;
}

/** Precomputed check structure for one program. */
export class AccountingChecks {
  private readonly sums: SumCheck[] = [];
  private readonly stockFlows: StockFlowCheck[] = [];
  private readonly hidden: { left: number; right: number; text: string; tolerance: number }[] = [];
  /** Number of cell values the evaluators produce. */
  readonly cellCount: number;

  constructor(program: Program) {
    let offset = 0;
    const cellIndex = new Map<string, number>();
    for (const m of program.matrices) {
      const cells = m.cells.map((c, i) => ({ ...c, index: offset + i }));
      for (const c of cells) cellIndex.set(`${m.name}\u0000${c.row}\u0000${c.sector}`, c.index);
      offset += m.cells.length;
      const kindLabel = m.kind === 'flow' ? 'flow' : m.kind === 'stock' ? 'stock' : 'revaluation';
      if (m.kind === 'revaluation') continue;
      for (const row of m.rows) {
        if (m.kind === 'stock' && (m.realRows.includes(row) || row === 'net_worth')) continue;
        const terms = cells
          .filter((c) => c.row === row)
          .map((c) => ({ cell: c.index, sign: 1, text: `${c.sector}: ${c.text}` }));
        if (terms.length)
          this.sums.push({
            label: `${kindLabel} matrix '${m.name}', row '${row}'`,
            terms,
            tolerance: m.tolerance,
            pos: m.pos,
          });
      }
      if (m.kind === 'stock' && m.rows.includes('net_worth')) {
        const terms = cells
          .filter((c) => c.row === 'net_worth' || m.realRows.includes(c.row))
          .map((c) => ({ cell: c.index, sign: 1, text: `${c.row}/${c.sector}: ${c.text}` }));
        this.sums.push({
          label: `stock matrix '${m.name}', net_worth row (+ real assets)`,
          terms,
          tolerance: m.tolerance,
          pos: m.pos,
        });
      }
      for (const sector of m.sectors) {
        const terms = cells
          .filter((c) => c.sector === sector)
          .map((c) => ({ cell: c.index, sign: 1, text: `${c.row}: ${c.text}` }));
        if (terms.length)
          this.sums.push({
            label: `${kindLabel} matrix '${m.name}', column '${sector}'`,
            terms,
            tolerance: m.tolerance,
            pos: m.pos,
          });
      }
    }
    // Stock–flow consistency: Δ(stock cell) = −dt · (flow-of-funds cell) + (revaluation cell).
    // Matrices of a template included with `as: P` are named `P.name`: a stock matrix is explained by
    // the flow and revaluation matrices of its own instance first, else by those of the root model.
    const scopeOf = (matrix: string) => matrix.slice(0, Math.max(0, matrix.lastIndexOf('.')));
    const flowRowFor = new Map<string, { matrix: string; row: string }>();
    for (const m of program.matrices) {
      if (m.kind !== 'flow') continue;
      for (const [row, stockRow] of Object.entries(m.stockOf)) {
        flowRowFor.set(`${scopeOf(m.name)}\u0000${stockRow}`, { matrix: m.name, row });
      }
    }
    const revalFor = (scope: string) =>
      program.matrices.find((m) => m.kind === 'revaluation' && scopeOf(m.name) === scope) ??
      program.matrices.find((m) => m.kind === 'revaluation' && scopeOf(m.name) === '');
    for (const m of program.matrices) {
      if (m.kind !== 'stock') continue;
      const scope = scopeOf(m.name);
      const reval = revalFor(scope);
      for (const c of m.cells) {
        if (c.row === 'net_worth') continue;
        const flow = flowRowFor.get(`${scope}\u0000${c.row}`) ?? flowRowFor.get(`\u0000${c.row}`);
        const revalCell = reval ? (cellIndex.get(`${reval.name}\u0000${c.row}\u0000${c.sector}`) ?? -1) : -1;
        if (!flow && revalCell < 0) continue;
        this.stockFlows.push({
          label: `stock matrix '${m.name}', row '${c.row}', column '${c.sector}' vs its flows${flow ? ` (flow matrix '${flow.matrix}', row '${flow.row}')` : ''}`,
          stockCell: cellIndex.get(`${m.name}\u0000${c.row}\u0000${c.sector}`)!,
          flowCell: flow ? (cellIndex.get(`${flow.matrix}\u0000${flow.row}\u0000${c.sector}`) ?? -1) : -1,
          revalCell,
          tolerance: m.tolerance,
          pos: m.pos,
        });
      }
    }
    for (const h of program.hidden) {
      this.hidden.push({ left: offset, right: offset + 1, text: h.text, tolerance: h.tolerance });
      offset += 2;
    }
    this.cellCount = offset;
    // Flat copies for the per-period loop (the objects above are for messages).
    this.sumStart = new Int32Array(this.sums.length + 1);
    const cellsOfSums: number[] = [];
    this.sums.forEach((sum, k) => {
      for (const t of sum.terms) cellsOfSums.push(t.cell);
      this.sumStart[k + 1] = cellsOfSums.length;
    });
    this.sumCell = Int32Array.from(cellsOfSums);
    this.sumTolerance = Float64Array.from(this.sums.map((x) => x.tolerance));
    this.sfStock = Int32Array.from(this.stockFlows.map((c) => c.stockCell));
    this.sfFlow = Int32Array.from(this.stockFlows.map((c) => c.flowCell));
    this.sfReval = Int32Array.from(this.stockFlows.map((c) => c.revalCell));
    this.sfTolerance = Float64Array.from(this.stockFlows.map((c) => c.tolerance));
  }

  private readonly sfStock: Int32Array;
  private readonly sfFlow: Int32Array;
  private readonly sfReval: Int32Array;
  private readonly sfTolerance: Float64Array;

  private readonly sumStart: Int32Array;
  private readonly sumCell: Int32Array;
  private readonly sumTolerance: Float64Array;

  /** True when there is anything to check. */
  get empty(): boolean {
    return this.cellCount === 0;
  }

  /**
   * Checks one period. `cur` holds this period's cells, `prev` the previous
   * period's (for stock changes). Throws on a leak; returns the largest residual.
   */
  check(cur: Float64Array, prev: Float64Array, dt: number, periodOf: () => string): CheckOutcome {
    let maxResidual = 0;
    let where: string | null = null;
    let worstSum = -1;
    const { sumStart, sumCell, sumTolerance } = this;
    for (let k = 0; k < sumTolerance.length; k++) {
      let sum = 0;
      let scale = 1;
      for (let q = sumStart[k]; q < sumStart[k + 1]; q++) {
        const v = cur[sumCell[q]];
        sum += v;
        const a = Math.abs(v);
        if (a > scale) scale = a;
      }
      const r = Math.abs(sum);
      if (r > maxResidual) {
        maxResidual = r;
        worstSum = k;
      }
      if (!(r <= sumTolerance[k] * scale)) {
        const s = this.sums[k];
        if (!Number.isFinite(r)) return { maxResidual: r, where: s.label, nonFinite: true };
        const cells = s.terms.map((t) => `${t.text} = ${fmt(cur[t.cell])}`).join('; ');
        throw new EngineError(
          'matrix-leak',
          `water is leaking: ${s.label} sums to ${fmt(sum)} instead of 0 in period ${periodOf()} (cells: ${cells})`,
          s.pos,
          { where: s.label, amount: sum, period: periodOf() },
        );
      }
    }
    if (worstSum >= 0) where = this.sums[worstSum].label;
    const { sfStock, sfFlow, sfReval, sfTolerance } = this;
    for (let k = 0; k < sfTolerance.length; k++) {
      const now = cur[sfStock[k]];
      const before = prev[sfStock[k]];
      const change = now - before;
      const flow = sfFlow[k] >= 0 ? dt * cur[sfFlow[k]] : 0;
      const reval = sfReval[k] >= 0 ? cur[sfReval[k]] : 0;
      const gap = change + flow - reval;
      const r = Math.abs(gap);
      if (r > maxResidual) {
        maxResidual = r;
        where = this.stockFlows[k].label;
      }
      const scale = Math.max(1, Math.abs(now), Math.abs(before), Math.abs(flow), Math.abs(reval));
      if (!(r <= sfTolerance[k] * scale)) {
        const c = this.stockFlows[k];
        if (!Number.isFinite(r)) return { maxResidual: r, where: c.label, nonFinite: true };
        throw new EngineError(
          'matrix-leak',
          `water is leaking: ${c.label}: the stock changed by ${fmt(change)} but flows and revaluations explain ${fmt(reval - flow)} (gap ${fmt(gap)}) in period ${periodOf()}`,
          c.pos,
          { where: c.label, amount: gap, period: periodOf() },
        );
      }
    }
    for (const h of this.hidden) {
      const l = cur[h.left];
      const r = cur[h.right];
      if (!Number.isFinite(l - r)) return { maxResidual, where: `hidden identity '${h.text}'`, nonFinite: true };
      if (!(Math.abs(l - r) <= h.tolerance * Math.max(1, Math.abs(l), Math.abs(r)))) {
        throw new EngineError(
          'hidden-identity',
          `hidden identity '${h.text}' fails in period ${periodOf()}: left = ${fmt(l)}, right = ${fmt(r)} (difference ${fmt(l - r)}); an equation or matrix row is probably wrong`,
          undefined,
          { period: periodOf() },
        );
      }
    }
    return { maxResidual, where, nonFinite: false };
  }
}

/** Short number formatting for messages. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-4 || a >= 1e9) ? v.toExponential(4) : String(Number(v.toPrecision(8)));
}
