/**
 * The points of a sweep: every combination of the grid's values, crossed with
 * the sampled design's points (Sobol, Latin hypercube or Monte Carlo, each
 * scaled to the params' ranges). Pure and seeded: a spec always gives the
 * same points in the same order.
 */
import { axisValues, checkAxis, latinHypercube, runStreams, sobolPoints } from '@endgame/analysis';
import type { SweepSpec } from './sweep-spec.js';

/** A sweep's design: the varied params and one row of values per point. */
export interface SweepDesign {
  /** Varied params: the grid's (in spec order), then the sampled ones. */
  varied: string[];
  /** `points × varied.length` values, row-major. */
  points: Float64Array;
  /** Number of points. */
  count: number;
}

/** The grid's values of one axis. */
function gridValues(name: string, axis: NonNullable<SweepSpec['grid']>[string]): number[] {
  if (Array.isArray(axis)) return axis;
  if (axis.n === 1 && axis.from === axis.to) return [axis.from];
  const gridAxis = { name, lo: axis.from, hi: axis.to, n: axis.n };
  checkAxis(gridAxis, `grid.${name}`);
  return axisValues(gridAxis);
}

/** The unit-cube points of the sampled design (`n × dims`). */
function unitPoints(sample: NonNullable<SweepSpec['sample']>, dims: number): Float64Array {
  const seed = sample.seed ?? 1;
  if (sample.design === 'sobol') return sobolPoints(sample.n, dims, { scrambleSeed: seed });
  if (sample.design === 'latin-hypercube') return latinHypercube(sample.n, dims, seed);
  const streams = runStreams(seed);
  const points = new Float64Array(sample.n * dims);
  for (let i = 0; i < sample.n; i++) {
    const rng = streams(i);
    for (let d = 0; d < dims; d++) points[i * dims + d] = rng.next();
  }
  return points;
}

/** Expands a spec into its points: grid rows (last axis fastest) × sampled rows. */
export function sweepDesign(spec: SweepSpec): SweepDesign {
  const gridNames = Object.keys(spec.grid ?? {});
  const grid = spec.grid ?? {};
  const axes = gridNames.map((name) => gridValues(name, grid[name]));
  const sampled = spec.sample?.params ?? {};
  const sampleNames = Object.keys(sampled);
  const ranges = sampleNames.map((name) => sampled[name]);
  const varied = [...gridNames, ...sampleNames];
  const gridCount = axes.reduce((n, values) => n * values.length, 1);
  const sampleCount = spec.sample ? spec.sample.n : 1;
  const unit = spec.sample ? unitPoints(spec.sample, sampleNames.length) : new Float64Array(0);
  const count = gridCount * sampleCount;
  const points = new Float64Array(count * varied.length);
  let row = 0;
  for (let g = 0; g < gridCount; g++) {
    // Mixed-radix digits of g: the last axis changes fastest.
    const gridRow: number[] = new Array(axes.length);
    let rest = g;
    for (let a = axes.length - 1; a >= 0; a--) {
      gridRow[a] = axes[a][rest % axes[a].length];
      rest = Math.floor(rest / axes[a].length);
    }
    for (let s = 0; s < sampleCount; s++) {
      const at = row * varied.length;
      gridRow.forEach((value, a) => {
        points[at + a] = value;
      });
      ranges.forEach(([lo, hi], d) => {
        points[at + axes.length + d] = lo + (hi - lo) * unit[s * sampleNames.length + d];
      });
      row++;
    }
  }
  return { varied, points, count };
}
