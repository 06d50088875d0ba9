/**
 * Calendar time for monthly models: `"YYYY-MM"` ⇄ model time (years) ⇄ period numbers.
 */
import type { SourcePos } from './ast.js';
import { EngineError } from './diagnostics.js';

/** Parses `"YYYY-MM"`; throws a `schema` error naming the value otherwise. */
export function parseMonth(text: string, pos?: SourcePos): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) {
    throw new EngineError('schema', `expected a month "YYYY-MM" (e.g. "2026-01"), got ${JSON.stringify(text)}`, pos);
  }
  return { year: Number(m[1]), month };
}

/** Model time (years) of a month: year + (month − 1)/12. */
export function monthToTime(text: string, pos?: SourcePos): number {
  const { year, month } = parseMonth(text, pos);
  return year + (month - 1) / 12;
}

/** Period number of `month` when period 1 is `startMonth` (monthly periods). */
export function monthToPeriod(month: string, startMonth: string, pos?: SourcePos): number {
  const a = parseMonth(startMonth, pos);
  const b = parseMonth(month, pos);
  const p = (b.year - a.year) * 12 + (b.month - a.month) + 1;
  if (p < 1) throw new EngineError('bad-shock', `${month} is before the model's start ${startMonth}`, pos);
  return p;
}

/** `"YYYY-MM"` of a model time in years (rounded to the nearest month). */
export function timeToMonth(time: number): string {
  const months = Math.round(time * 12);
  const year = Math.floor(months / 12);
  const month = months - year * 12 + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A period for messages: `"12"`, or `"12 (2026-12)"` for monthly models; used as `period ${label}`. */
export function periodLabel(p: number, start: number, dt: number, startMonth?: string): string {
  if (!startMonth) return `${p}`;
  return `${p} (${timeToMonth(start + (p - 1) * dt)})`;
}
