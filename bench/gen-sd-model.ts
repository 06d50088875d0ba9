/**
 * Seeded generator of the system-dynamics peer model (bench (b)): `stocks`
 * stocks, each with an inflow, an outflow and one auxiliary, integrated by
 * Euler — emitted both as engine YAML and as Vensim `.mdl` text for
 * SDEverywhere.
 *
 * Per stock i (src = a random permutation, so every stock feeds exactly one other;
 * k = a random other stock):
 *   outflow_i = stock_i / tau_i                       (tau_i a param in [2, 20])
 *   effect_i  = 1 / (1 + stock_k / cap_i)             (in (0, 1])
 *   inflow_i  = base_i + f_i·effect_i·outflow_src(i) + g_i·max(0, target_i − stock_i)
 *   stock_i   = INTEG(inflow_i − outflow_i, init_i)
 * with f_i < 0.9, so stocks stay positive and bounded.
 *
 * Time alignment: Vensim evaluates flows from stocks at time t and then sets
 * stock(t+dt) = stock(t) + dt·(inflow − outflow). In the YAML the flows read the
 * stocks' previous period (`stock_i[-1]`) and `stock_i = stock_i[-1] + dt*(inflow_i -
 * outflow_i)`, so engine period p equals Vensim save point p for every stock
 * (flows and auxiliaries are shifted by one step; the bench compares stocks).
 */
import { coef, mulberry32 } from './prng.js';

/** Options of {@link generateSdModel}. */
export interface SdGenOptions {
  seed: number;
  /** Number of stocks. Default 1000. */
  stocks?: number;
  /** Euler steps. Default 1000. */
  steps?: number;
  /** Time step (a power of two keeps Vensim's save-time test exact). Default 0.25. */
  dt?: number;
}

/** The generated SD model in both languages. */
export interface SdModel {
  seed: number;
  steps: number;
  dt: number;
  /** Stock names (same in both languages). */
  stocks: string[];
  /** Every variable name (stocks, flows, auxiliaries), excluding params. */
  variables: string[];
  /** Number of equations in the YAML (variables). */
  equations: number;
  /** Engine YAML. */
  yaml: string;
  /** Vensim `.mdl` text. */
  mdl: string;
}

interface StockSpec {
  tau: string;
  cap: string;
  base: string;
  f: string;
  g: string;
  target: string;
  init: string;
  src: number;
  k: number;
}

/** Generates the SD model; deterministic for a seed and options. */
export function generateSdModel(options: SdGenOptions): SdModel {
  const n = options.stocks ?? 1000;
  const steps = options.steps ?? 1000;
  const dt = options.dt ?? 0.25;
  const rng = mulberry32(options.seed);
  const perm = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const specs: StockSpec[] = perm.map((src, i) => {
    let k = rng.int(0, n - 1);
    if (k === i) k = (k + 1) % n;
    return {
      tau: coef(rng.uniform(2, 20), 3),
      cap: coef(rng.uniform(5, 50), 3),
      base: coef(rng.uniform(0, 1), 3),
      f: coef(rng.uniform(0.3, 0.9), 3),
      g: coef(rng.uniform(0, 0.05), 3),
      target: coef(rng.uniform(5, 20), 3),
      init: coef(rng.uniform(1, 20), 3),
      src,
      k,
    };
  });
  const stocks = specs.map((_, i) => `stock${i}`);
  const variables = specs.flatMap((_, i) => [`stock${i}`, `inflow${i}`, `outflow${i}`, `effect${i}`]);
  return {
    seed: options.seed,
    steps,
    dt,
    stocks,
    variables,
    equations: variables.length,
    yaml: emitYaml(specs, options.seed, steps, dt),
    mdl: emitMdl(specs, steps, dt),
  };
}

function emitYaml(specs: StockSpec[], seed: number, steps: number, dt: number): string {
  const out = [
    `name: sd-peer-${seed}`,
    `description: Generated system-dynamics peer model (${specs.length} stocks, Euler)`,
    `periods: ${steps}`,
    `dt: ${dt}`,
    `start: ${dt}`,
    'params:',
    ...specs.map((s, i) => `  tau${i}: ${s.tau}`),
    'initial:',
    ...specs.map((s, i) => `  stock${i}: ${s.init}`),
    'equations:',
  ];
  specs.forEach((s, i) => {
    out.push(`  - outflow${i} = stock${i}[-1] / tau${i}`);
    out.push(`  - effect${i} = 1 / (1 + stock${s.k}[-1] / ${s.cap})`);
    out.push(
      `  - inflow${i} = ${s.base} + ${s.f} * effect${i} * outflow${s.src} + ${s.g} * max(0, ${s.target} - stock${i}[-1])`,
    );
    out.push(`  - stock${i} = stock${i}[-1] + dt * (inflow${i} - outflow${i})`);
  });
  return `${out.join('\n')}\n`;
}

function emitMdl(specs: StockSpec[], steps: number, dt: number): string {
  const out = ['{UTF-8}'];
  specs.forEach((s, i) => {
    out.push(`stock${i} = INTEG(inflow${i} - outflow${i}, ${s.init}) ~ widget ~ |`);
    out.push(`outflow${i} = stock${i} / tau${i} ~ widget/Month ~ |`);
    out.push(`effect${i} = 1 / (1 + stock${s.k} / ${s.cap}) ~ dmnl ~ |`);
    out.push(
      `inflow${i} = ${s.base} + ${s.f} * effect${i} * outflow${s.src} + ${s.g} * MAX(0, ${s.target} - stock${i}) ~ widget/Month ~ |`,
    );
    out.push(`tau${i} = ${s.tau} ~ Month ~ |`);
  });
  out.push(
    '********************************************************',
    '\t.Control',
    '********************************************************~',
    '\t\tSimulation Control Parameters',
    '\t|',
    'INITIAL TIME = 0 ~ Month ~ |',
    `FINAL TIME = ${steps * dt} ~ Month ~ |`,
    `TIME STEP = ${dt} ~ Month ~ |`,
    'SAVEPER = TIME STEP ~ Month ~ |',
  );
  return `${out.join('\n')}\n`;
}
