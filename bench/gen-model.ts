/**
 * Seeded generator of benchmark models with simultaneous blocks (bench (a) and (d)).
 *
 * A model has `equations` variables x0…x(n−1) in a topological order: most are
 * singletons — sums of 2–4 bounded terms (linear, rational, min/max, abs, sqrt,
 * Gaussian, if-then-else) of earlier variables, lags (1 or 2 periods) of any
 * variable, params and a few sinusoidal drivers of `time` — and about
 * `blockShare` of them sit in cyclic blocks whose variables couple in a ring
 * (plus one extra link) with total coupling gain ≤ 0.45: the block map is a
 * contraction, so each period's block has a unique solution and
 * I − ∂F/∂y is strictly diagonally dominant. Every equation's total gain is
 * ≤ 0.85 and its constant part ≤ 1, so |x| stays below ~7 for any number of periods.
 *
 * The same model is emitted as engine YAML (equations shuffled: the engine
 * must order them) and as a hand-written-style JavaScript version (see
 * gen-handwritten.ts).
 */
import { emitHandwritten } from './gen-handwritten.js';
import type { BlockTerm, Ref, Term } from './gen-terms.js';
import { blockTermText, joinTerms, termText, yamlSpeller } from './gen-terms.js';
import { coef, mulberry32, type Prng } from './prng.js';

/** Options of {@link generateModel}. */
export interface GenOptions {
  /** PRNG seed (same seed → identical texts). */
  seed: number;
  /** Number of equations (variables). Default 2000. */
  equations?: number;
  /** Number of solved periods written into the YAML. Default 200. */
  periods?: number;
  /** Share of variables in cyclic blocks. Default 0.05. */
  blockShare?: number;
  /** Smallest and largest block size (inclusive). Default [2, 8]. */
  blockSizes?: [number, number];
  /** Number of params. Default 40. */
  params?: number;
  /** Number of sinusoidal driver variables. Default 10. */
  drivers?: number;
}

/** One equation of the generated model. */
export interface GenEquation {
  /** Index of the defined variable (its name is `x<index>`). */
  index: number;
  /** Terms that do not involve same-block variables (all terms for singletons). */
  terms: Term[];
  /** Couplings to other variables of the same cyclic block (empty for singletons). */
  blockTerms: BlockTerm[];
}

/** A generated model in structured form plus its two texts. */
export interface GeneratedModel {
  seed: number;
  periods: number;
  /** Variable names in topological (generation) order: `x0`, `x1`, …. */
  names: string[];
  /** Param values (`p<k>`), as the literals written in the YAML. */
  params: number[];
  /** Period-0 values of every variable (unlisted in YAML = 0). */
  initial: Float64Array;
  equations: GenEquation[];
  /** Cyclic blocks as lists of consecutive variable indices. */
  blocks: number[][];
  /** The model in the engine's YAML format (ENGINE.md §1). */
  yaml: string;
  /** Hand-written-style JavaScript: a function body returning `{ run(P, periods, initial) }`. */
  handwritten: string;
}

const GAIN_BUDGET = 0.85;
const BLOCK_COUPLING = 0.45;

/** Picks a reference for variable `i`: mostly an earlier variable this period, else a lag of any variable. */
function pickRef(rng: Prng, i: number, n: number, firstAllowed: number): Ref {
  if (firstAllowed > 0 && rng.chance(0.65)) {
    const window = Math.min(firstAllowed, 80);
    const j = rng.chance(0.85) ? firstAllowed - 1 - rng.int(0, window - 1) : rng.int(0, firstAllowed - 1);
    return { kind: 'var', index: j, lag: 0 };
  }
  const lag = rng.chance(0.8) ? 1 : 2;
  const j = rng.chance(0.3) ? i : rng.int(0, n - 1);
  return { kind: 'var', index: j, lag };
}

/** Draws the terms of a (part of an) equation within a gain budget and a constant budget of ~1. */
function drawTerms(rng: Prng, i: number, n: number, firstAllowed: number, gain: number, nParams: number): Term[] {
  const kinds = [
    'lin',
    'lin',
    'lin',
    'lin',
    'lin',
    'ratio',
    'max',
    'min',
    'abs',
    'sqrt',
    'ifpos',
    'gauss',
    'square',
  ] as const;
  const count = rng.int(2, 4);
  const weights = Array.from({ length: count }, () => rng.uniform(0.2, 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const sign = (): number => (rng.chance(0.5) ? -1 : 1);
  const terms: Term[] = [];
  for (const w of weights) {
    const g = (gain * w) / total;
    const kind = rng.pick(kinds);
    const u = pickRef(rng, i, n, firstAllowed);
    const v = pickRef(rng, i, n, firstAllowed);
    switch (kind) {
      case 'lin':
      case 'max':
      case 'min':
      case 'abs':
        terms.push(
          kind === 'lin' || kind === 'abs' ? { kind, a: coef(sign() * g), u } : { kind, a: coef(sign() * g), u, v },
        );
        break;
      case 'ratio':
        terms.push({ kind, a: coef(sign() * 2 * g), u, v });
        break;
      case 'sqrt':
        terms.push({ kind, a: coef(sign() * Math.min(g, 0.15)), u });
        break;
      case 'ifpos':
        terms.push({ kind, a: coef(sign() * g), b: coef(sign() * g * rng.uniform(0.3, 1)), u, v });
        break;
      case 'gauss':
      case 'square':
        terms.push({ kind, a: coef(sign() * rng.uniform(0.05, 0.25)), u });
        break;
    }
  }
  terms.push({ kind: 'param', p: rng.int(0, nParams - 1) });
  return terms;
}

/** Draws the same-block couplings of block variable `r` (of `m`): a ring link plus, for m > 2, one more. */
function drawBlockTerms(rng: Prng, start: number, r: number, m: number): BlockTerm[] {
  const sign = (): number => (rng.chance(0.5) ? -1 : 1);
  const ringGain = m > 2 ? rng.uniform(0.2, 0.3) : rng.uniform(0.2, BLOCK_COUPLING);
  const out: BlockTerm[] = [
    { kind: rng.chance(0.5) ? 'blin' : 'brat', a: coef(sign() * ringGain), s: start + ((r + 1) % m) },
  ];
  if (m > 2) {
    let s = rng.int(0, m - 1);
    while (s === r || s === (r + 1) % m) s = (s + 1) % m;
    out.push({
      kind: rng.chance(0.5) ? 'blin' : 'brat',
      a: coef(sign() * rng.uniform(0.05, BLOCK_COUPLING - ringGain)),
      s: start + s,
    });
  }
  return out;
}

/** Generates the structured model (without texts). */
function generateStructure(o: Required<GenOptions>): Omit<GeneratedModel, 'yaml' | 'handwritten'> {
  const rng = mulberry32(o.seed);
  const n = o.equations;
  const params = Array.from({ length: o.params }, () => Number(coef(rng.uniform(-0.5, 0.5))));
  const initial = new Float64Array(n);
  const equations: GenEquation[] = [];
  const blocks: number[][] = [];
  const blockTarget = Math.round(n * o.blockShare);
  let inBlocks = 0;
  let i = 0;
  while (i < n) {
    if (i < o.drivers) {
      const term: Term = {
        kind: 'sin',
        amp: coef(rng.uniform(0.1, 0.3)),
        freq: coef(rng.uniform(0.02, 0.3)),
        phase: coef(rng.uniform(0, 6.28)),
      };
      equations.push({ index: i, terms: [term], blockTerms: [] });
      i++;
      continue;
    }
    const remaining = n - i;
    const meanSize = (o.blockSizes[0] + o.blockSizes[1]) / 2;
    const wantBlock = inBlocks < blockTarget && rng.chance(((blockTarget - inBlocks) / remaining / meanSize) * 1.2);
    const m = Math.min(rng.int(o.blockSizes[0], o.blockSizes[1]), blockTarget - inBlocks, remaining);
    if (wantBlock && m >= Math.max(2, o.blockSizes[0])) {
      const block: number[] = [];
      for (let r = 0; r < m; r++) {
        const terms = drawTerms(rng, i + r, n, i, GAIN_BUDGET - BLOCK_COUPLING, o.params);
        equations.push({ index: i + r, terms, blockTerms: drawBlockTerms(rng, i, r, m) });
        block.push(i + r);
      }
      blocks.push(block);
      inBlocks += m;
      i += m;
      continue;
    }
    equations.push({ index: i, terms: drawTerms(rng, i, n, i, GAIN_BUDGET, o.params), blockTerms: [] });
    if (rng.chance(0.2)) initial[i] = Number(coef(rng.uniform(-1, 1)));
    i++;
  }
  const names = Array.from({ length: n }, (_, k) => `x${k}`);
  return { seed: o.seed, periods: o.periods, names, params, initial, equations, blocks };
}

/** Writes the model as engine YAML, equations in a shuffled order. */
function emitYaml(model: Omit<GeneratedModel, 'yaml' | 'handwritten'>, rng: Prng): string {
  const lines: string[] = [
    `name: gen-${model.seed}`,
    `description: Generated benchmark model (seed ${model.seed}, ${model.names.length} equations, ${model.blocks.length} cyclic blocks)`,
    `periods: ${model.periods}`,
    'params:',
    ...model.params.map((v, k) => `  p${k}: ${v}`),
  ];
  const initial = [...model.initial].flatMap((v, k) => (v === 0 ? [] : [`  x${k}: ${v}`]));
  if (initial.length > 0) lines.push('initial:', ...initial);
  lines.push('equations:');
  for (const eq of rng.shuffle(model.equations)) {
    const parts = eq.terms.map((t) => termText(t, yamlSpeller, false));
    for (const bt of eq.blockTerms) parts.push(blockTermText(bt, yamlSpeller));
    lines.push(`  - x${eq.index} = ${joinTerms(parts)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Generates a model and both of its texts; deterministic for a seed and options. */
export function generateModel(options: GenOptions): GeneratedModel {
  const o: Required<GenOptions> = {
    equations: 2000,
    periods: 200,
    blockShare: 0.05,
    blockSizes: [2, 8],
    params: 40,
    drivers: 10,
    ...options,
  };
  const structure = generateStructure(o);
  const yaml = emitYaml(structure, mulberry32(o.seed ^ 0x5eed));
  return { ...structure, yaml, handwritten: emitHandwritten(structure) };
}
