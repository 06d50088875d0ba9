/**
 * Timing harness (ENGINE.md §7): every variant of a benchmark is run in the
 * same process, interleaved — after `warmups` rounds, each of `runs` rounds
 * runs every variant once, rotating which goes first — so load changes on a
 * shared machine hit all variants alike; the median per variant is reported.
 */

/** One thing to time: `run` performs one full model run. */
export interface Variant {
  name: string;
  run: () => unknown;
}

/** Runs and warm-ups per variant. */
export interface MeasureOptions {
  runs: number;
  warmups: number;
  /** Label for progress lines on stderr. */
  label: string;
}

/** Median and raw samples (milliseconds) of one variant. */
export interface Timing {
  variant: string;
  medianMs: number;
  samplesMs: number[];
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Keeps results observable so no run can be optimised away. */
let sink: unknown;

/** Times the variants side by side; returns one {@link Timing} per variant, in input order. */
export function measureSideBySide(variants: readonly Variant[], o: MeasureOptions): Timing[] {
  const samples = variants.map(() => [] as number[]);
  const progressEvery = Math.max(1, Math.floor(o.runs / 5));
  for (let w = 0; w < o.warmups; w++) for (const v of variants) sink = v.run();
  for (let r = 0; r < o.runs; r++) {
    for (let k = 0; k < variants.length; k++) {
      const index = (r + k) % variants.length;
      const t0 = performance.now();
      sink = variants[index].run();
      samples[index].push(performance.now() - t0);
    }
    if ((r + 1) % progressEvery === 0 || r + 1 === o.runs) {
      const medians = variants.map((v, k) => `${v.name} ${median(samples[k]).toFixed(2)} ms`).join(', ');
      process.stderr.write(`[${o.label}] ${r + 1}/${o.runs} runs: ${medians}\n`);
    }
  }
  if (sink === Symbol.for('never')) process.stderr.write('');
  return variants.map((v, k) => ({ variant: v.name, medianMs: median(samples[k]), samplesMs: samples[k] }));
}

/** Times one variant on its own (for runs too long to interleave cheaply). */
export function measureOne(variant: Variant, o: MeasureOptions): Timing {
  return measureSideBySide([variant], o)[0];
}
