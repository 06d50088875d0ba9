/**
 * Calendar months `"YYYY-MM"` as whole numbers (months since year 0), so
 * month arithmetic is integer arithmetic.
 */
import { EngineError } from '@endgame/engine';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True when `text` is a month `"YYYY-MM"`. */
export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** Months since January of year 0 of `"YYYY-MM"`; throws a `bad-input` EngineError naming `what` otherwise. */
export function monthIndex(text: string, what = 'month'): number {
  const match = MONTH.exec(text);
  if (!match) {
    throw new EngineError(
      'bad-input',
      `${what}: expected a month "YYYY-MM" (e.g. "2026-01"), got ${JSON.stringify(text)}`,
    );
  }
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** The `"YYYY-MM"` of a month index. */
export function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** `month` moved by `count` months (negative moves back). */
export function addMonths(month: string, count: number): string {
  return monthLabel(monthIndex(month) + count);
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}
