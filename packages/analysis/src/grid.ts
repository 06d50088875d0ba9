/**
 * Outcome maps: a metric over a regular grid of two params (e.g. diffusion
 * speed × new-task creation → peak unemployment). Pure: the model is an
 * `evaluate` callback.
 */
import { EngineError } from '@endgame/engine';
import type { BatchEvaluate } from './morris.js';

/** One axis of a grid: `n` evenly spaced values of param `name` from `lo` to `hi`. */
export interface GridAxis {
  name: string;
  lo: number;
  hi: number;
  n: number;
}

/** An outcome map. */
export interface OutcomeMap {
  x: { name: string; values: number[] };
  y: { name: string; values: number[] };
  /** What the cells hold (e.g. `unemployment_rate:max`). */
  metric: string;
  /** `z[iy][ix]`: the metric at (x[ix], y[iy]); NaN where a run failed. */
  z: number[][];
}

/** Checks an axis: a finite range lo < hi and a whole number of points ≥ 1. */
export function checkAxis(axis: GridAxis, flag = '--x'): void {
  const { name, lo, hi, n } = axis;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo >= hi) {
    throw new EngineError('bad-input', `${flag} ${name}: impossible range ${lo}..${hi}; give lo < hi`);
  }
  if (!Number.isInteger(n) || n < 1) {
    throw new EngineError('bad-input', `${flag} ${name}: the number of points must be a whole number ≥ 1, got ${n}`);
  }
}

/** The `n` values of an axis: lo, …, hi evenly spaced (the midpoint when n = 1). */
export function axisValues(axis: GridAxis): number[] {
  const { lo, hi, n } = axis;
  if (n === 1) return [(lo + hi) / 2];
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + ((hi - lo) * i) / (n - 1)));
}

/** The grid's points as rows [x, y], y-major (row iy·nx + ix). */
export function gridSamples(x: GridAxis, y: GridAxis): Float64Array {
  const xs = axisValues(x);
  const ys = axisValues(y);
  const samples = new Float64Array(xs.length * ys.length * 2);
  ys.forEach((yv, iy) => {
    xs.forEach((xv, ix) => {
      samples[(iy * xs.length + ix) * 2] = xv;
      samples[(iy * xs.length + ix) * 2 + 1] = yv;
    });
  });
  return samples;
}

/** Evaluates `metric` on the grid x × y. */
export async function outcomeMap(
  x: GridAxis,
  y: GridAxis,
  metric: string,
  evaluate: BatchEvaluate,
): Promise<OutcomeMap> {
  checkAxis(x, '--x');
  checkAxis(y, '--y');
  if (x.name === y.name) throw new EngineError('bad-input', `--x and --y both vary '${x.name}'; pick two params`);
  const xs = axisValues(x);
  const ys = axisValues(y);
  const values = await evaluate(gridSamples(x, y), 2);
  if (values.length !== xs.length * ys.length) {
    throw new EngineError('bad-input', `the grid needs ${xs.length * ys.length} metric values, got ${values.length}`);
  }
  const z = ys.map((_, iy) => xs.map((_, ix) => values[iy * xs.length + ix]));
  return { x: { name: x.name, values: xs }, y: { name: y.name, values: ys }, metric, z };
}

/** The map as CSV: a header `Y,X,METRIC` and one line per cell. */
export function outcomeMapCsv(map: OutcomeMap): string {
  const lines = [`${map.y.name},${map.x.name},${map.metric}`];
  map.y.values.forEach((yv, iy) => {
    map.x.values.forEach((xv, ix) => {
      const v = map.z[iy][ix];
      lines.push(`${yv},${xv},${Number.isFinite(v) ? v : ''}`);
    });
  });
  return `${lines.join('\n')}\n`;
}
