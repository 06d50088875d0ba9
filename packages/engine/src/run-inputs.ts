/**
 * Preparing a run's exogenous inputs: param values for every period from base
 * values, time paths and shocks; variable shocks as per-period overrides.
 */

import { suggest } from './analyse.js';
import type { CompiledModel, PathSpec, RunOptions, RunShock } from './api-types.js';
import { EngineError } from './diagnostics.js';
import type { Program } from './program.js';
import { monthToPeriod, monthToTime } from './time.js';

/** A variable held at given values over a range of periods. */
export interface VariableOverride {
  slot: number;
  name: string;
  from: number;
  to: number;
  values: Float64Array;
}

/** Time of period p. */
export function timeOf(compiled: CompiledModel, p: number, dt: number): number {
  return compiled.start + (p - 1) * dt;
}

function pathValue(points: { t: number; v: number }[], t: number): number {
  if (t <= points[0].t) return points[0].v;
  const last = points[points.length - 1];
  if (t >= last.t) return last.v;
  let i = 1;
  while (points[i].t < t) i++;
  const a = points[i - 1];
  const b = points[i];
  return a.v + ((b.v - a.v) * (t - a.t)) / (b.t - a.t);
}

function toPeriod(compiled: CompiledModel, v: number | string | undefined, fallback: number, what: string): number {
  if (v === undefined) return fallback;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
  if (typeof v === 'string' && compiled.startMonth) return monthToPeriod(v, compiled.startMonth);
  if (typeof v === 'string' && /^\d+$/.test(v) && Number(v) >= 1) return Number(v);
  throw new EngineError(
    'bad-shock',
    `${what} must be a period ≥ 1${compiled.startMonth ? ' or "YYYY-MM"' : ''}, got ${JSON.stringify(v)}`,
  );
}

/**
 * Writes param rows for periods 0..N into `o` and returns variable overrides.
 * Order of precedence: base value < `options.params` < paths < model shocks < run shocks.
 */
export function prepareInputs(
  compiled: CompiledModel,
  o: Float64Array,
  N: number,
  dt: number,
  options: RunOptions,
  slotOf: ReadonlyMap<string, number> = new Map(compiled.slots.map((s, i) => [s.name, i])),
): VariableOverride[] {
  const program = compiled.data as Program;
  const S = compiled.slots.length;
  const paramSlot = (name: string, what: string): number => {
    const i = slotOf.get(name);
    if (i === undefined || compiled.slots[i].kind !== 'param') {
      const isVar = i !== undefined;
      const params = compiled.slots.filter((s) => s.kind === 'param').map((s) => s.name);
      throw new EngineError(
        'undefined-name',
        `${what}: '${name}' ${isVar ? 'is a variable, not a param' : `is not a param${suggest(name, params)}`}`,
      );
    }
    return i;
  };
  const base = new Map(program.params.map((p) => [p.slot, p.value]));
  if (options.params instanceof Float64Array) {
    if (options.params.length !== program.params.length) {
      throw new EngineError(
        'bad-input',
        `params vector has ${options.params.length} values; the model has ${program.params.length} params`,
      );
    }
    program.params.forEach((p, k) => {
      base.set(p.slot, (options.params as Float64Array)[k]);
    });
  } else if (options.params) {
    for (const [name, v] of Object.entries(options.params)) {
      if (!Number.isFinite(v)) throw new EngineError('bad-input', `param '${name}' set to ${v}; give a finite number`);
      base.set(paramSlot(name, 'set'), v);
    }
  }
  for (const [slot, v] of base) o[slot] = v;
  // Params occupy one contiguous range of slots: copy period 0's range into every period.
  const first = program.params.length ? program.params[0].slot : 0;
  const count = program.params.length;
  const contiguous = program.params.every((p, k) => p.slot === first + k);
  for (let p = 1; p <= N; p++) {
    if (contiguous) o.copyWithin(p * S + first, first, first + count);
    else for (const q of program.params) o[p * S + q.slot] = o[q.slot];
  }
  for (const [name, spec] of Object.entries(options.paths ?? {})) {
    const slot = paramSlot(name, 'path');
    const points = pathPoints(compiled, spec, dt, name);
    for (let p = 0; p <= N; p++) o[p * S + slot] = pathValue(points, timeOf(compiled, p, dt));
  }
  const overrides: VariableOverride[] = [];
  const shocks: RunShock[] = [
    ...program.shocks.map((s) => ({ set: s.target, value: s.value, from: s.from, to: s.to })),
    ...(options.shocks ?? []),
  ];
  for (const s of shocks) {
    const slot = slotOf.get(s.set);
    if (slot === undefined) throw new EngineError('undefined-name', `shock: '${s.set}' is not a param or variable`);
    const from = toPeriod(compiled, s.from, 1, `shock on '${s.set}': from`);
    const lastAsWritten = toPeriod(compiled, s.to, N, `shock on '${s.set}': to`);
    if (Array.isArray(s.value) && s.value.length !== lastAsWritten - from + 1) {
      throw new EngineError(
        'bad-shock',
        `shock on '${s.set}': ${s.value.length} values given for ${lastAsWritten - from + 1} periods (${from}..${lastAsWritten})`,
      );
    }
    // A run shorter than the shock (periods override) uses the first values of a list.
    const to = Math.min(lastAsWritten, N);
    if (to < from) continue;
    const values = new Float64Array(to - from + 1);
    if (Array.isArray(s.value)) values.set(s.value.slice(0, values.length));
    else values.fill(s.value);
    if (compiled.slots[slot].kind === 'param')
      for (let k = 0; k < values.length; k++) o[(from + k) * S + slot] = values[k];
    else overrides.push({ slot, name: s.set, from, to, values });
  }
  return overrides;
}

function pathPoints(compiled: CompiledModel, spec: PathSpec, dt: number, name: string): { t: number; v: number }[] {
  const points = Object.entries(spec).map(([k, v]) => {
    if (!Number.isFinite(v)) throw new EngineError('bad-input', `path of '${name}': value at ${k} must be a number`);
    const t = /^\d{4}-\d{2}$/.test(k) ? monthToTime(k) : /^\d+$/.test(k) ? timeOf(compiled, Number(k), dt) : Number.NaN;
    if (Number.isNaN(t))
      throw new EngineError('bad-input', `path of '${name}': '${k}' is neither "YYYY-MM" nor a period number`);
    return { t, v };
  });
  if (points.length === 0) throw new EngineError('bad-input', `path of '${name}' has no points`);
  return points.sort((a, b) => a.t - b.t);
}
