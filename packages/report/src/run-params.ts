/**
 * A run's params month by month: what a param was at the start of the run
 * and whether (and when) a path or trigger changed it later. Params are
 * series of the run like variables (constant unless a path or trigger moves them).
 */
import type { SlotInfo } from '@endgame/engine';
import { monthOf, type RunView, type ScenarioRun } from '@endgame/model';

/** A param's course over one run. */
export interface ParamCourse {
  /** Value in the first solved month. */
  start: number;
  /** When it changes later: the first month it differs from `start`, and its value at the end of the run. */
  change?: { month: string; end: number };
}

/** The params users see (no `__` internals) of the run's model, in slot order. */
export function userParams(run: ScenarioRun): SlotInfo[] {
  return run.compiled.slots.filter((s) => s.kind === 'param' && !s.name.startsWith('__'));
}

/** The course of param `name` in the run `view`; undefined when the run has no such series. */
export function paramCourse(view: RunView, name: string): ParamCourse | undefined {
  const values = view.get(name);
  if (!values || view.months < 1) return undefined;
  const start = values[1];
  for (let m = 2; m <= view.months; m++) {
    if (values[m] !== start) return { start, change: { month: monthOf(view, m), end: values[view.months] } };
  }
  return { start };
}

/** Two courses are the same when they start at the same value and change (or not) the same way. */
export function sameCourse(a: ParamCourse, b: ParamCourse): boolean {
  return a.start === b.start && a.change?.month === b.change?.month && a.change?.end === b.change?.end;
}
