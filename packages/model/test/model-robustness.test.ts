/**
 * Robustness of the endgame model to joint draws of its uncertain params — the draws `endgame mc`
 * makes: for `baseline` and `citrini-2028`, RUNS draws of every param with a `range:` that the
 * preset does not set, from the same seeded streams as `endgame mc PRESET --seed 1` (run i here is
 * run i there). Every run must finish (no non-finite value, no failed accounting check), every §9
 * series (FIXED_SERIES, parts 1 and 2) must stay finite, unemployment must stay in [0, 0.5], and the price
 * level and GDP (nominal and real) must stay positive. A failure lists the run, what broke and the
 * drawn params furthest from the middle of their ranges, the usual suspects.
 */
import { runStreams, sampleParams, scenarioUncertainParams, type UncertainParam } from '@endgame/analysis';
import { instantiate, type RunResult } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { FIXED_SERIES, runScenario } from '../src/index.js';

const RUNS = 100;
const SEED = 1;
const PRESETS = ['baseline', 'citrini-2028'] as const;
/** Highest unemployment rate a run may reach (a bound well above any historical rate, not a forecast). */
const U_MAX = 0.5;
/** Series that must stay strictly positive in every period. */
const POSITIVE = ['P', 'gdp_nominal', 'gdp_real'] as const;

/** The first period at which `values` breaks `ok`, with the value, or null when none does. */
function firstBreak(values: ArrayLike<number>, ok: (x: number) => boolean): string | null {
  for (let p = 0; p < values.length; p++) if (!ok(values[p])) return `${values[p]} at period ${p}`;
  return null;
}

/** What is wrong with a finished run (empty when nothing is). */
function problemsOf(result: RunResult): string[] {
  const problems: string[] = [];
  for (const name of FIXED_SERIES) {
    const at = firstBreak(result.series(name), Number.isFinite);
    if (at) problems.push(`${name} is not finite: ${at}`);
  }
  const u = firstBreak(result.series('unemployment_rate'), (x) => x >= 0 && x <= U_MAX);
  if (u) problems.push(`unemployment_rate leaves [0, ${U_MAX}]: ${u}`);
  for (const name of POSITIVE) {
    const at = firstBreak(result.series(name), (x) => x > 0);
    if (at) problems.push(`${name} is not positive: ${at}`);
  }
  return problems;
}

/** The `count` drawn params furthest from the middle of their ranges, as `name=value`. */
function extremeDraws(uncertain: readonly UncertainParam[], row: Float64Array, count = 6): string {
  const distance = (p: UncertainParam, x: number) =>
    Math.abs(x - (p.range[0] + p.range[1]) / 2) / (p.range[1] - p.range[0]);
  return uncertain
    .map((p, i) => ({ p, x: row[i] }))
    .sort((a, b) => distance(b.p, b.x) - distance(a.p, a.x))
    .slice(0, count)
    .map(({ p, x }) => `${p.name}=${x.toPrecision(4)} in [${p.range.join(', ')}]`)
    .join(', ');
}

describe.each(PRESETS)('joint draws of the uncertain params of %s', (preset) => {
  it(`${RUNS} runs finish with finite §9 series, unemployment in [0, ${U_MAX}], positive prices and GDP`, () => {
    const scenario = runScenario(preset);
    const { compiled } = scenario;
    const { set, paths, triggers } = scenario.scenario;
    const uncertain = scenarioUncertainParams(compiled, set, scenario.scenario.uncertainty);
    expect(uncertain.length).toBeGreaterThan(100);
    expect(uncertain.some((p) => Object.hasOwn(set, p.name))).toBe(false);

    const instance = instantiate(compiled);
    const streams = runStreams(SEED);
    const failures: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const row = sampleParams(uncertain, streams(run));
      const params: Record<string, number> = { ...set };
      uncertain.forEach((p, i) => {
        params[p.name] = row[i];
      });
      let problems: string[];
      try {
        problems = problemsOf(instance.run({ params, paths, triggers }));
      } catch (err) {
        problems = [(err as Error).message];
      }
      if (problems.length > 0)
        failures.push(`run ${run}: ${problems.join('; ')} (draws: ${extremeDraws(uncertain, row)})`);
    }
    expect(failures).toEqual([]);
  });
});
