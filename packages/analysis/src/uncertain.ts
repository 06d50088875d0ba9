/**
 * Uncertainty as data (issue 6, item 1): the params a model gives a `range`
 * (and `dist`, `shape`), narrowed or widened by a scenario's `uncertainty:`.
 */
import { type CompiledModel, didYouMean, EngineError, type SlotInfo } from '@endgame/engine';
import type { DistKind, UncertainParam } from './types.js';

/** The distributions a param may declare (ENGINE.md §1). */
export const DIST_KINDS: readonly DistKind[] = ['uniform', 'normal', 'lognormal', 'triangular', 'beta'];

/** A scenario's `uncertainty:` entry for one param. */
export interface UncertaintyOverride {
  range: [number, number];
  /** Defaults to the model's dist for the param, else `uniform`. */
  dist?: string;
  shape?: [number, number];
}

const fail = (message: string): never => {
  throw new EngineError('bad-input', message);
};

const showRange = (r: readonly number[]) => `[${r.join(', ')}]`;

/** Checks one param's distribution; `where` names it in messages. */
function checkParam(p: UncertainParam, where: string): void {
  const [lo, hi] = p.range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo >= hi) {
    fail(`${where}: range ${showRange(p.range)} is impossible: give [lo, hi] with finite lo < hi`);
  }
  if (!DIST_KINDS.includes(p.dist)) {
    fail(`${where}: unknown dist '${p.dist}'; use one of ${DIST_KINDS.join(', ')}`);
  }
  if (p.dist !== 'uniform' && !(p.value >= lo && p.value <= hi)) {
    fail(
      `${where}: value ${p.value} lies outside its ${p.dist} range ${showRange(p.range)}; ` +
        'widen the range or use dist: uniform',
    );
  }
  if (p.dist === 'lognormal' && !(lo > 0 && p.value > 0)) {
    fail(`${where}: a lognormal needs a positive range and value, got range ${showRange(p.range)}`);
  }
  if (p.dist === 'beta') {
    const shape = p.shape;
    if (!shape) fail(`${where}: dist beta needs shape: [a, b] (e.g. [2, 2])`);
    else if (!(shape[0] > 0 && shape[1] > 0 && Number.isFinite(shape[0]) && Number.isFinite(shape[1]))) {
      fail(`${where}: beta shape ${showRange(shape)} must be two positive numbers`);
    }
  }
}

/** The param's value as the distribution's centre: the scenario's, else the model's, else the range midpoint. */
function centreOf(slot: SlotInfo, range: [number, number], values: Record<string, number> | undefined): number {
  return values?.[slot.name] ?? slot.value ?? (range[0] + range[1]) / 2;
}

/**
 * The uncertain params of a compiled model, in slot order: every param whose
 * slot has a `range`, with `overrides` (a scenario's `uncertainty:`) replacing
 * or adding ranges, and — when `only` is given — just those params.
 *
 * @param overrides param name → `{ range, dist?, shape? }`; `dist` defaults to
 *   the model's dist for that param, else `uniform`
 * @param only names to keep (e.g. `--params a,b`); each must end up with a range
 * @param values the scenario's values for params (`set:`), used as mean /
 *   median / mode instead of the model's
 * @throws EngineError `bad-input` (one line naming the param and the fix) for
 *   an unknown param or a variable, a range with lo ≥ hi, an unknown dist, a
 *   value outside a non-uniform range, a lognormal range that is not positive,
 *   a beta without a valid shape, or a name in `only` with no range
 */
export function uncertainParams(
  compiled: CompiledModel,
  overrides: Record<string, UncertaintyOverride> = {},
  only?: readonly string[],
  values?: Record<string, number>,
): UncertainParam[] {
  const slots = new Map(compiled.slots.map((s) => [s.name, s]));
  const params = compiled.slots.filter((s) => s.kind === 'param').map((s) => s.name);
  const paramSlot = (name: string, where: string): SlotInfo => {
    const slot = slots.get(name);
    if (!slot || slot.kind === 'hidden-stock') {
      fail(`${where}: '${name}' is not a param of model '${compiled.name}'${didYouMean(name, params)}`);
    }
    if (slot?.kind !== 'param') fail(`${where}: '${name}' is a variable, not a param; only params can be uncertain`);
    return slot as SlotInfo;
  };
  for (const name of Object.keys(overrides)) paramSlot(name, 'uncertainty');
  const wanted = only ? new Set(only) : undefined;
  for (const name of only ?? []) {
    const slot = paramSlot(name, 'uncertain params');
    if (!slot.range && !overrides[name]) {
      fail(`'${name}' has no range: give it one, e.g. uncertainty: { ${name}: { range: [lo, hi] } }`);
    }
  }
  const result: UncertainParam[] = [];
  for (const slot of compiled.slots) {
    if (slot.kind !== 'param' || (wanted && !wanted.has(slot.name))) continue;
    const override = Object.hasOwn(overrides, slot.name) ? overrides[slot.name] : undefined;
    const range = override?.range ?? slot.range;
    if (!range) continue;
    const dist = (override?.dist ?? slot.dist ?? 'uniform') as DistKind;
    const p: UncertainParam = {
      name: slot.name,
      value: centreOf(slot, range, values),
      range: [range[0], range[1]],
      dist,
    };
    const shape =
      override?.shape ?? (override?.dist === undefined || override.dist === slot.dist ? slot.shape : undefined);
    if (shape) p.shape = [shape[0], shape[1]];
    checkParam(p, override ? `uncertainty: '${slot.name}'` : `param '${slot.name}' in the model`);
    result.push(p);
  }
  return result;
}
