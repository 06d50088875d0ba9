/**
 * Fixtures of the runner tests: Godley & Lavoie's SIM (a simultaneous block
 * of 8 variables, so the block solver runs every period), samples of its
 * params, and the expected batch output computed run by run with the engine
 * directly (no runner code).
 */
import { type CompiledModel, compile, instantiate, loadModel } from '@endgame/engine';
import type { RunnerJob } from '../src/types.js';

/** SIM for 30 periods; alpha1 and theta carry ranges. */
export const SIM_TEXT = `name: sim
periods: 30
dt: 1
start: 1
params:
  G: { value: 20 }
  theta: { value: 0.2, range: [0.1, 0.3] }
  alpha1: { value: 0.6, range: [0.5, 0.7] }
  alpha2: { value: 0.4 }
  W: { value: 1 }
initial:
  Hh: 0
  Hs: 0
equations:
  - Cs = Cd
  - Gs = G
  - Ts = Td
  - Ns = Nd
  - YD = W * Ns - Ts
  - Td = theta * W * Ns
  - Cd = alpha1 * YD + alpha2 * Hh[-1]
  - Hs = Hs[-1] + dt * (G - Td)
  - Hh = Hh[-1] + dt * (YD - Cd)
  - Y = Cs + Gs
  - Nd = Y / W
`;

let compiled: CompiledModel | undefined;

/** SIM compiled once per test file. */
export function simModel(): CompiledModel {
  return (compiled ??= compile(loadModel(SIM_TEXT)));
}

/** A SIM job varying `varied`, keeping Y and Hh, with G raised to 25 for every run. */
export function simJob(varied: string[] = ['alpha1', 'theta'], keep: string[] = ['Y', 'Hh']): RunnerJob {
  return { compiled: simModel(), base: { params: { G: 25 } }, varied, keep };
}

/** `runs` rows of alpha1 in [0.5, 0.7] and theta in [0.1, 0.3] on a fixed lattice (no RNG). */
export function simSamples(runs: number): Float64Array {
  const out = new Float64Array(runs * 2);
  for (let r = 0; r < runs; r++) {
    out[2 * r] = 0.5 + (0.2 * ((r * 7) % 11)) / 10;
    out[2 * r + 1] = 0.1 + (0.2 * ((r * 5) % 13)) / 12;
  }
  return out;
}

/** The batch output built run by run with `instance.run` (fresh instance per run). */
export function expectedOutput(job: RunnerJob, samples: Float64Array): Float64Array {
  const k = job.varied.length;
  const runs = samples.length / k;
  const P = (job.base.periods ?? job.compiled.periods) + 1;
  const out = new Float64Array(runs * job.keep.length * P);
  for (let r = 0; r < runs; r++) {
    const params: Record<string, number> = { ...job.base.params };
    job.varied.forEach((name, j) => {
      params[name] = samples[r * k + j];
    });
    const { paths, triggers, periods, dt } = job.base;
    const result = instantiate(job.compiled).run({ params, paths, triggers, periods, dt });
    job.keep.forEach((name, s) => {
      out.set(result.series(name), (r * job.keep.length + s) * P);
    });
  }
  return out;
}
