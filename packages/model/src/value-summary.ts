/**
 * Value capture in the run summary (MODEL.md §8): the Kalecki profit
 * decomposition at a few months (who absorbs the income), the income shares,
 * and who pays for a UBI against a reference run without it.
 */
import { indexOf, monthOf, type RunView } from './run-view.js';

/** The Kalecki terms, in the order they add up to `profits` (USD bn/yr, annual rates). */
export const KALECKI_TERMS = [
  'investment',
  'gov_deficit',
  'current_account',
  'hh_saving',
  'dividends',
  'other',
] as const;

/** One month of the Kalecki decomposition: profits after tax = the sum of the terms. */
export interface KaleckiRow {
  month: string;
  profits: number;
  investment: number;
  gov_deficit: number;
  current_account: number;
  /** Minus households' net lending: their saving absorbs profits. */
  hh_saving: number;
  dividends: number;
  /** Financial sectors, write-offs, fees, the statistical discrepancy. */
  other: number;
}

/** Who paid for a UBI, cumulative over the run, against a reference run without it (USD bn). */
export interface UbiPayers {
  reference: string;
  ubi_usd_bn: number;
  /** AI revenue tax: payer the AI complex. */
  ai_tax_ai_complex_usd_bn: number;
  /** Extra deficit against the reference: payers the buyers of Treasuries. */
  deficit_usd_bn: number;
  /** The rest: other taxes on the larger income, lower UI and other outlays. */
  other_receipts_usd_bn: number;
}

/** The months of the Kalecki table: 2026-01, every fifth January from 2030, and the last month. */
export function kaleckiMonths(view: RunView): number[] {
  const months = [1];
  for (let year = 2030; ; year += 5) {
    const m = indexOf(view, `${year}-01`);
    if (m === undefined) break;
    months.push(m);
  }
  if (view.months > 0 && months.at(-1) !== view.months) months.push(view.months);
  return months;
}

/** The Kalecki decomposition at {@link kaleckiMonths}; undefined when the run lacks the series. */
export function kaleckiTable(view: RunView): KaleckiRow[] | undefined {
  const profits = view.get('kalecki_profits');
  const terms = KALECKI_TERMS.map((t) => view.get(`kalecki_${t}`));
  if (!profits || view.months === 0 || terms.some((t) => t === undefined)) return undefined;
  return kaleckiMonths(view).map((m) => {
    const row: KaleckiRow = {
      month: monthOf(view, m),
      profits: profits[m],
      investment: 0,
      gov_deficit: 0,
      current_account: 0,
      hh_saving: 0,
      dividends: 0,
      other: 0,
    };
    KALECKI_TERMS.forEach((t, i) => {
      row[t] = (terms[i] as ArrayLike<number>)[m];
    });
    return row;
  });
}

/** Σ series × 1/12 over the months `from`..`to` (a flow at an annual rate → USD bn). */
export function sumAnnualRate(values: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let m = from; m <= to; m++) sum += values[m] / 12;
  return sum;
}

/** Who paid for the UBI of `run` against `reference`; undefined when no UBI was paid or a series is missing. */
export function ubiPayers(run: RunView, reference: { name: string; run: RunView }): UbiPayers | undefined {
  const ubi = run.get('ubi_total');
  const tax = run.get('tax_ai');
  const deficit = run.get('gov_deficit');
  const refTax = reference.run.get('tax_ai');
  const refDeficit = reference.run.get('gov_deficit');
  if (!ubi || !tax || !deficit || !refTax || !refDeficit) return undefined;
  const months = Math.min(run.months, reference.run.months);
  const ubiPaid = sumAnnualRate(ubi, 1, months);
  if (ubiPaid <= 0) return undefined;
  const aiTax = sumAnnualRate(tax, 1, months) - sumAnnualRate(refTax, 1, months);
  const extraDeficit = sumAnnualRate(deficit, 1, months) - sumAnnualRate(refDeficit, 1, months);
  return {
    reference: reference.name,
    ubi_usd_bn: ubiPaid,
    ai_tax_ai_complex_usd_bn: aiTax,
    deficit_usd_bn: extraDeficit,
    other_receipts_usd_bn: ubiPaid - aiTax - extraDeficit,
  };
}
