/**
 * Bench (a): nanoseconds per equation-period on a seeded 2,000-equation model
 * with cyclic blocks — the engine's compiled code vs a hand-written
 * straight-line version of the same model vs the engine's reference
 * interpreter. All three must agree (1e-8 relative, every variable, every
 * period) before anything is timed.
 *
 * Usage: tsx bench/bench-equations.ts [--quick] [--runs N] [--warmups N] [--seed N]
 */
import { assertAgree, buildEngine, columnOf, parseBenchArgs, progress } from './common.js';
import { loadHandwritten } from './gen-handwritten.js';
import { generateModel } from './gen-model.js';
import { measureSideBySide } from './measure.js';
import { publish, resultLine } from './report.js';

const BENCH = 'equations';
const PERIODS = 100;
const TOLERANCE = 1e-8;

const args = parseBenchArgs(process.argv.slice(2));
const seedArg = process.argv.indexOf('--seed');
const seed = seedArg >= 0 ? Number(process.argv[seedArg + 1]) : 2026;

const model = generateModel({ seed, equations: 2000, periods: PERIODS });
const n = model.names.length;
progress(
  BENCH,
  `seed ${seed}: ${n} equations, ${model.blocks.length} cyclic blocks (${model.blocks.flat().length} variables), ${PERIODS} periods`,
);

const engine = buildEngine(model.yaml);
progress(
  BENCH,
  `engine compile ${engine.compileMs.toFixed(0)} ms, generated source ${(engine.source.length / 1024).toFixed(0)} KiB`,
);
const hand = loadHandwritten(model.handwritten);
const params = Float64Array.from(model.params);

// Agreement before timing.
const compiled = engine.instance.run();
const interpreted = engine.instance.run({ interpret: true });
const history = hand.run(params, PERIODS, model.initial);
let worstHand = 0;
let worstInterp = 0;
for (let i = 0; i < n; i++) {
  const name = model.names[i];
  const c = compiled.series(name);
  worstHand = Math.max(
    worstHand,
    assertAgree('compiled vs hand-written', name, c, columnOf(history, n, i, PERIODS), TOLERANCE),
  );
  worstInterp = Math.max(
    worstInterp,
    assertAgree('compiled vs interpreter', name, c, interpreted.series(name), TOLERANCE),
  );
}
progress(
  BENCH,
  `agreement: compiled vs hand-written ${worstHand.toExponential(2)}, vs interpreter ${worstInterp.toExponential(2)}`,
);

const timings = measureSideBySide(
  [
    { name: 'compiled', run: () => engine.instance.run() },
    { name: 'hand-written', run: () => hand.run(params, PERIODS, model.initial) },
    { name: 'interpreter', run: () => engine.instance.run({ interpret: true }) },
  ],
  { runs: args.runs, warmups: args.warmups, label: BENCH },
);
const ctx = { bench: BENCH, runs: args.runs, warmups: args.warmups };
const [comp, handT, interp] = timings;
publish(BENCH, [
  resultLine(ctx, { variant: 'compiled', median_ms: comp.medianMs, equations: n, periods: PERIODS }),
  resultLine(ctx, { variant: 'hand-written', median_ms: handT.medianMs, equations: n, periods: PERIODS }),
  resultLine(ctx, { variant: 'interpreter', median_ms: interp.medianMs, equations: n, periods: PERIODS }),
  resultLine(ctx, {
    variant: 'compiled÷hand-written',
    median_ms: comp.medianMs,
    equations: n,
    periods: PERIODS,
    ratio: comp.medianMs / handT.medianMs,
    vs: 'hand-written',
  }),
  resultLine(ctx, {
    variant: 'interpreter÷compiled',
    median_ms: interp.medianMs,
    equations: n,
    periods: PERIODS,
    ratio: interp.medianMs / comp.medianMs,
    vs: 'compiled',
  }),
]);
