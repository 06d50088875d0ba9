/**
 * The policy optimiser: seeded Nelder–Mead with restarts in the box of the
 * levers, constraints by an exact (L1) penalty, and a report of each
 * constraint's slack. Pure: the model is an `evaluate` callback returning, per
 * point, the objective then each constraint's value.
 */
import { EngineError } from '@endgame/engine';
import { runStreams } from './rng.js';

/** A policy lever: a param searched over [lo, hi]. */
export interface Lever {
  name: string;
  lo: number;
  hi: number;
}

/** A constraint `VALUE <= bound` or `VALUE >= bound` on an outcome (e.g. `unemployment_rate:max<=0.08`). */
export interface OutcomeConstraint {
  /** As written. */
  text: string;
  /** The outcome constrained (e.g. `unemployment_rate:max`). */
  outcome: string;
  op: '<=' | '>=';
  bound: number;
}

/**
 * Evaluates a batch of lever settings: `points` holds rows of `dims` lever
 * values; returns, per row, `1 + constraints` numbers: the objective, then
 * each constraint's outcome value in order.
 */
export type OutcomeEvaluate = (points: Float64Array, dims: number) => Float64Array | Promise<Float64Array>;

/** Options of {@link optimize}. */
export interface OptimizeOptions {
  seed: number;
  /** Nelder–Mead starts: the box's centre, then random points (default 4). */
  restarts?: number;
  /** Evaluation budget of each start (default 100·(k + 1)). */
  maxEvaluations?: number;
  /** Convergence: simplex size in the unit box (default 1e-6). */
  tolerance?: number;
}

/** How one constraint stands at the optimum. */
export interface ConstraintReport {
  text: string;
  value: number;
  bound: number;
  op: '<=' | '>=';
  /** Distance to the bound on the allowed side (negative: violated). */
  slack: number;
  satisfied: boolean;
  /** Satisfied with slack within 1 % of the bound (0.01 absolute when the bound is 0): the constraint holds the optimum back. */
  binding: boolean;
}

/** Result of {@link optimize}. */
export interface OptimizeResult {
  levers: Record<string, number>;
  objective: number;
  constraints: ConstraintReport[];
  /** Every constraint satisfied. */
  feasible: boolean;
  evaluations: number;
  restarts: number;
}

/** Parses `OUTCOME<=BOUND` or `OUTCOME>=BOUND`; a one-line error names the expected shape. */
export function parseConstraint(text: string): OutcomeConstraint {
  const match = /^\s*([^<>\s]+?)\s*(<=|>=)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*$/i.exec(text);
  if (!match) {
    throw new EngineError(
      'bad-input',
      `bad --constraint '${text}': expected SERIES:REDUCER<=NUMBER or >=NUMBER, e.g. 'unemployment_rate:max<=0.08'`,
    );
  }
  return { text: text.trim(), outcome: match[1], op: match[2] as '<=' | '>=', bound: Number(match[3]) };
}

/** Checks the levers: distinct names and finite ranges lo < hi. */
export function checkLevers(levers: readonly Lever[]): void {
  if (levers.length === 0) throw new EngineError('bad-input', 'optimize needs at least one --lever PARAM:lo:hi');
  const seen = new Set<string>();
  for (const { name, lo, hi } of levers) {
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo >= hi) {
      throw new EngineError('bad-input', `--lever ${name}: impossible range ${lo}..${hi}; give lo < hi`);
    }
    if (seen.has(name)) throw new EngineError('bad-input', `--lever ${name} is given twice; give each lever once`);
    seen.add(name);
  }
}

/** Slack of `value` against a constraint: positive inside, negative when violated. */
export function slackOf(constraint: Pick<OutcomeConstraint, 'op' | 'bound'>, value: number): number {
  if (!Number.isFinite(value)) return Number.NEGATIVE_INFINITY;
  return constraint.op === '<=' ? constraint.bound - value : value - constraint.bound;
}

/** A scored point: lever values, model outputs and its penalised merit. */
interface Scored {
  u: number[];
  outputs: number[];
  merit: number;
}

/** Total violation of the constraints, each relative to its bound's size (1 when the bound is 0). */
function violation(constraints: readonly OutcomeConstraint[], outputs: readonly number[]): number {
  let total = 0;
  constraints.forEach((c, i) => {
    const slack = slackOf(c, outputs[i + 1]);
    if (slack < 0) total += Number.isFinite(slack) ? -slack / (Math.abs(c.bound) || 1) : 1e6;
  });
  return total;
}

/**
 * Minimises the objective over the levers' box subject to the constraints:
 * Nelder–Mead in the unit box (points outside are clamped and charged their
 * distance), merit = objective + W·(normalised constraint violation), W fixed
 * from the first point's objective. Each start runs twice (the second from the
 * first's best with a smaller simplex); the best feasible point wins, else the
 * least infeasible. Deterministic for a given seed.
 */
export async function optimize(
  levers: readonly Lever[],
  constraints: readonly OutcomeConstraint[],
  evaluate: OutcomeEvaluate,
  options: OptimizeOptions,
): Promise<OptimizeResult> {
  checkLevers(levers);
  const k = levers.length;
  const restarts = options.restarts ?? 4;
  if (!Number.isInteger(restarts) || restarts < 1) {
    throw new EngineError('bad-input', `the number of restarts must be a whole number ≥ 1, got ${restarts}`);
  }
  const budget = options.maxEvaluations ?? 100 * (k + 1);
  const tolerance = options.tolerance ?? 1e-6;
  const rng = runStreams(options.seed)(0);
  let evaluations = 0;
  let weight: number | undefined;

  const toLevers = (u: readonly number[]) =>
    u.map((ui, i) => levers[i].lo + (levers[i].hi - levers[i].lo) * Math.min(1, Math.max(0, ui)));
  const score = async (points: number[][]): Promise<Scored[]> => {
    const flat = new Float64Array(points.length * k);
    points.forEach((u, r) => {
      flat.set(toLevers(u), r * k);
    });
    const out = await evaluate(flat, k);
    const width = constraints.length + 1;
    if (out.length !== points.length * width) {
      throw new EngineError(
        'bad-input',
        `optimize expected ${points.length * width} outcome values, got ${out.length}`,
      );
    }
    evaluations += points.length;
    return points.map((u, r) => {
      const outputs = Array.from(out.subarray(r * width, (r + 1) * width));
      weight ??= 1e3 * (1 + (Number.isFinite(outputs[0]) ? Math.abs(outputs[0]) : 0));
      const outside = u.reduce((s, ui) => s + Math.max(0, -ui) + Math.max(0, ui - 1), 0);
      const objective = Number.isFinite(outputs[0]) ? outputs[0] : 1e6 * weight;
      return { u, outputs, merit: objective + weight * (violation(constraints, outputs) + outside) };
    });
  };

  const nelderMead = async (start: number[], step: number): Promise<Scored> => {
    const initial = [
      start,
      ...start.map((_, i) => start.map((v, j) => (j !== i ? v : v + step <= 1 ? v + step : v - step))),
    ];
    let simplex = await score(initial);
    const stopAt = evaluations + budget;
    while (evaluations < stopAt) {
      simplex.sort((a, b) => a.merit - b.merit);
      const best = simplex[0];
      const worst = simplex[k];
      const size = Math.max(...simplex.map((s) => Math.max(...s.u.map((v, i) => Math.abs(v - best.u[i])))));
      if (size < tolerance) break;
      const centroid = best.u.map((_, i) => simplex.slice(0, k).reduce((sum, s) => sum + s.u[i], 0) / k);
      const along = (t: number) => centroid.map((c, i) => c + t * (worst.u[i] - c));
      const [reflected] = await score([along(-1)]);
      if (reflected.merit < best.merit) {
        const [expanded] = await score([along(-2)]);
        simplex[k] = expanded.merit < reflected.merit ? expanded : reflected;
      } else if (reflected.merit < simplex[k - 1].merit) {
        simplex[k] = reflected;
      } else {
        const outsideSide = reflected.merit < worst.merit;
        const [contracted] = await score([along(outsideSide ? -0.5 : 0.5)]);
        if (contracted.merit < (outsideSide ? reflected.merit : worst.merit)) {
          simplex[k] = contracted;
        } else {
          const shrunk = await score(simplex.slice(1).map((s) => s.u.map((v, i) => best.u[i] + 0.5 * (v - best.u[i]))));
          simplex = [best, ...shrunk];
        }
      }
    }
    simplex.sort((a, b) => a.merit - b.merit);
    return simplex[0];
  };

  let winner: Scored | undefined;
  const better = (a: Scored, b: Scored) => {
    const va = violation(constraints, a.outputs);
    const vb = violation(constraints, b.outputs);
    if (va === 0 && vb === 0) return a.outputs[0] < b.outputs[0];
    if (va === 0 || vb === 0) return va === 0;
    return va < vb;
  };
  for (let r = 0; r < restarts; r++) {
    const start = r === 0 ? levers.map(() => 0.5) : levers.map(() => rng.next());
    const first = await nelderMead(start, 0.25);
    const polished = await nelderMead(
      first.u.map((v) => Math.min(1, Math.max(0, v))),
      0.05,
    );
    const best = polished.merit <= first.merit ? polished : first;
    if (!winner || better(best, winner)) winner = best;
  }
  const found = winner as Scored;
  const values = toLevers(found.u);
  const reports = constraints.map((c, i): ConstraintReport => {
    const value = found.outputs[i + 1];
    const slack = slackOf(c, value);
    const satisfied = slack >= 0;
    return {
      text: c.text,
      value,
      bound: c.bound,
      op: c.op,
      slack,
      satisfied,
      binding: satisfied && slack <= (c.bound === 0 ? 0.01 : 0.01 * Math.abs(c.bound)),
    };
  });
  return {
    levers: Object.fromEntries(levers.map((l, i) => [l.name, values[i]])),
    objective: found.outputs[0],
    constraints: reports,
    feasible: reports.every((c) => c.satisfied),
    evaluations,
    restarts,
  };
}

/**
 * Robust outcomes over `draws` Monte Carlo draws per lever setting: `outputs`
 * holds, for each point then each draw, `1 + constraints` values; returns per
 * point the mean objective and each constraint's worst value over the draws
 * (max for `<=`, min for `>=`).
 */
export function robustOutcomes(
  outputs: Float64Array,
  points: number,
  draws: number,
  constraints: readonly Pick<OutcomeConstraint, 'op'>[],
): Float64Array {
  const width = constraints.length + 1;
  const out = new Float64Array(points * width);
  for (let p = 0; p < points; p++) {
    let sum = 0;
    const worst = constraints.map((c) => (c.op === '<=' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY));
    for (let d = 0; d < draws; d++) {
      const row = (p * draws + d) * width;
      sum += outputs[row];
      constraints.forEach((c, i) => {
        const v = outputs[row + 1 + i];
        worst[i] = Number.isNaN(v) ? Number.NaN : c.op === '<=' ? Math.max(worst[i], v) : Math.min(worst[i], v);
      });
    }
    out[p * width] = sum / draws;
    worst.forEach((v, i) => {
      out[p * width + 1 + i] = v;
    });
  }
  return out;
}
