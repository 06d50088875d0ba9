/**
 * Bench (c): Godley & Lavoie's model SIM (examples/gl/sim.yaml; an equivalent
 * text from ENGINE.md §1 is embedded in case that file is missing) run for
 * 100,000 periods with checks on (hidden equation, both matrices, NaN scan):
 * total time per run and nanoseconds per equation-period. SIM's period is one
 * 5-variable simultaneous block (Y, Cs, Cd, YD, Td, …) plus stock updates, so
 * this measures the per-period overhead of the solver and the checks.
 *
 * Usage: tsx bench/bench-sim.ts [--quick] [--runs N] [--warmups N]
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEngine, parseBenchArgs, progress } from './common.js';
import { measureSideBySide } from './measure.js';
import { publish, resultLine } from './report.js';

const BENCH = 'sim';
const PERIODS = 100_000;

/** SIM as in ENGINE.md §1 (used only when examples/gl/sim.yaml is absent). */
const EMBEDDED_SIM = `name: SIM
description: Godley & Lavoie, Monetary Economics, ch. 3 (embedded copy for the benchmark)
periods: 60
params:
  G: 20
  theta: 0.2
  alpha1: 0.6
  alpha2: 0.4
  W: 1
initial:
  Hh: 0
  Hs: 0
equations:
  - Y = C + G
  - T = theta * W * N
  - N = Y / W
  - YD = W * N - T
  - C = alpha1 * YD + alpha2 * Hh[-1]
  - Hh = Hh[-1] + dt * (YD - C)
  - Hs = Hs[-1] + dt * (G - T)
hidden:
  - Hh = Hs
shocks:
  - { set: G, value: 30, from: 2 }
matrices:
  tfm:
    kind: flow
    sectors: [households, production, government]
    rows:
      consumption: { households: -C, production: C }
      gov_spending: { production: G, government: -G }
      wages: { households: W*N, production: -W*N }
      taxes: { households: -T, government: T }
      change_in_money: { stock: money, households: -d(Hh)/dt, government: d(Hs)/dt }
  bs:
    kind: stock
    sectors: [households, government]
    rows:
      money: { households: Hh, government: -Hs }
      net_worth: { households: -Hh, government: Hs }
`;

const args = parseBenchArgs(process.argv.slice(2));
const simPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'gl', 'sim.yaml');
const source = existsSync(simPath) ? simPath : EMBEDDED_SIM;
const sim = buildEngine(source);
progress(
  BENCH,
  `${existsSync(simPath) ? 'examples/gl/sim.yaml' : 'embedded SIM'}: ${sim.equations} equations, ${PERIODS} periods`,
);

// Sanity before timing: checks on, the run must finish with balanced matrices and reach SIM's steady state.
const first = sim.instance.run({ periods: PERIODS });
const y = first.series('Y');
if (!(first.accounting.maxResidual < 1e-6))
  throw new Error(`SIM: matrices do not balance (${first.accounting.maxResidual})`);
if (!Number.isFinite(y[PERIODS])) throw new Error('SIM: Y is not finite at the last period');
progress(BENCH, `Y at period ${PERIODS} = ${y[PERIODS]}, max accounting residual ${first.accounting.maxResidual}`);

const [t] = measureSideBySide([{ name: 'compiled', run: () => sim.instance.run({ periods: PERIODS }) }], {
  runs: args.runs,
  warmups: args.warmups,
  label: BENCH,
});
publish(BENCH, [
  resultLine(
    { bench: BENCH, runs: args.runs, warmups: args.warmups },
    { variant: 'compiled', median_ms: t.medianMs, equations: sim.equations, periods: PERIODS },
  ),
]);
