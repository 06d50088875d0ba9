/**
 * Built-in functions whose semantics are more than one `Math` call. The
 * generated code and the reference interpreter both call these same functions,
 * so compiled and interpreted runs agree bit for bit.
 */
import { EngineError } from './diagnostics.js';

/** Smooth minimum: (a + b − √((a − b)² + k²)) / 2; k in the units of a and b, k → 0 gives min. */
export function smin(a: number, b: number, k: number): number {
  return 0.5 * (a + b - Math.sqrt((a - b) * (a - b) + k * k));
}

/** Smooth maximum: (a + b + √((a − b)² + k²)) / 2. */
export function smax(a: number, b: number, k: number): number {
  return 0.5 * (a + b + Math.sqrt((a - b) * (a - b) + k * k));
}

/** `clamp(x, lo, hi)` = min(max(x, lo), hi). */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/** Half a billionth of a period: absorbs rounding in `start + (p − 1)·dt` when comparing times. */
const TIME_EPS = 1e-9;

/** `step(h, t0)`: 0 before time t0, h from t0 on. */
export function step(h: number, t0: number, time: number, dt: number): number {
  return time + TIME_EPS * dt >= t0 ? h : 0;
}

/** `ramp(slope, t0, t1)`: 0 before t0, rising by `slope` per time unit until t1, then flat. */
export function ramp(slope: number, t0: number, t1: number, time: number): number {
  return time <= t0 ? 0 : slope * (Math.min(time, t1) - t0);
}

/** `pulse(h, t0, width)`: h for t0 ≤ time < t0 + width (at least one period), else 0. */
export function pulse(h: number, t0: number, width: number, time: number, dt: number): number {
  return time + TIME_EPS * dt >= t0 && time + TIME_EPS * dt < t0 + Math.max(width, dt) ? h : 0;
}

/** `log(x, base)`. */
export function logBase(x: number, base: number): number {
  return Math.log(x) / Math.log(base);
}

/** Linear interpolation in a table; clamps outside unless `extrapolate`. */
export function lookup(xs: Float64Array, ys: Float64Array, extrapolate: boolean, x: number): number {
  const n = xs.length;
  if (x <= xs[0]) {
    if (!extrapolate || x === xs[0]) return ys[0];
    return ys[0] + ((ys[1] - ys[0]) * (x - xs[0])) / (xs[1] - xs[0]);
  }
  if (x >= xs[n - 1]) {
    if (!extrapolate || x === xs[n - 1]) return ys[n - 1];
    return ys[n - 1] + ((ys[n - 1] - ys[n - 2]) * (x - xs[n - 1])) / (xs[n - 1] - xs[n - 2]);
  }
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return ys[lo] + ((ys[hi] - ys[lo]) * (x - xs[lo])) / (xs[hi] - xs[lo]);
}

/**
 * `lagt(x, tau)`: x at time − tau, interpolating linearly between periods;
 * period 0 before the start. tau must be at least one period (dt).
 */
export function lagt(o: Float64Array, S: number, slot: number, p: number, tau: number, dt: number): number {
  if (!(tau >= dt * (1 - 1e-12))) {
    throw new EngineError('bad-input', `lagt(…, ${tau}): the delay must be at least one period (dt = ${dt})`);
  }
  const q = p - tau / dt;
  if (q <= 0) return o[slot];
  const i = Math.floor(q);
  const f = q - i;
  if (f < 1e-12) return o[i * S + slot];
  return o[i * S + slot] * (1 - f) + o[(i + 1) * S + slot] * f;
}

/** `x^2` as x*x (see isSquare in expr-emitter.ts). */
export function sq(x: number): number {
  return x * x;
}

/** Everything generated code may reach besides `Math`, passed in as `H`. */
export const BUILTINS = {
  sq,
  smin,
  smax,
  clamp,
  step,
  ramp,
  pulse,
  logBase,
  lookup,
  lagt,
};
