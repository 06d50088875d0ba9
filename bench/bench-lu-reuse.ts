/**
 * Bench (d): Newton with LU reuse (the default: factors kept across iterations
 * and periods, refactorised when convergence slows) vs without
 * (`solver: { reuseLU: false }`: a fresh Jacobian and LU every iteration), by
 * block size. For each size m a seeded model of 400 equations puts half of its
 * variables in cyclic blocks of exactly m variables (generated as in bench (a)).
 * Both runs must agree (1e-8 relative) before timing; ratio = without ÷ with
 * (above 1: reuse pays).
 *
 * Usage: tsx bench/bench-lu-reuse.ts [--quick] [--runs N] [--warmups N]
 */
import { assertAgree, buildEngine, parseBenchArgs, progress } from './common.js';
import { generateModel } from './gen-model.js';
import { measureSideBySide } from './measure.js';
import { publish, type ResultLine, resultLine } from './report.js';

const BENCH = 'lu-reuse';
const SIZES = [2, 5, 10, 20, 30];
const PERIODS = 100;
const EQUATIONS = 400;

const args = parseBenchArgs(process.argv.slice(2));
const ctx = { bench: BENCH, runs: args.runs, warmups: args.warmups };
const lines: ResultLine[] = [];
for (const m of SIZES) {
  const model = generateModel({
    seed: 700 + m,
    equations: EQUATIONS,
    periods: PERIODS,
    blockShare: 0.5,
    blockSizes: [m, m],
  });
  const engine = buildEngine(model.yaml);
  const label = `${BENCH} m=${m}`;
  progress(label, `${model.blocks.length} blocks of ${m} (${model.blocks.flat().length} of ${EQUATIONS} variables)`);
  const withReuse = engine.instance.run();
  const without = engine.instance.run({ solver: { reuseLU: false } });
  const iterations = (r: typeof withReuse): number => r.iterations.reduce((s, b) => s + b.total, 0);
  for (const name of model.names)
    assertAgree(`reuse vs no reuse (m=${m})`, name, withReuse.series(name), without.series(name), 1e-8);
  progress(label, `agree; Newton iterations with reuse ${iterations(withReuse)}, without ${iterations(without)}`);
  const [a, b] = measureSideBySide(
    [
      { name: 'reuse-lu', run: () => engine.instance.run() },
      { name: 'no-reuse', run: () => engine.instance.run({ solver: { reuseLU: false } }) },
    ],
    { runs: args.runs, warmups: args.warmups, label },
  );
  const common = { equations: EQUATIONS, periods: PERIODS };
  lines.push(
    resultLine(ctx, { variant: `block-${m}/reuse-lu`, median_ms: a.medianMs, ...common }),
    resultLine(ctx, { variant: `block-${m}/no-reuse`, median_ms: b.medianMs, ...common }),
    resultLine(ctx, {
      variant: `block-${m}/no-reuse÷reuse-lu`,
      median_ms: b.medianMs,
      ratio: b.medianMs / a.medianMs,
      vs: `block-${m}/reuse-lu`,
      ...common,
    }),
  );
}
publish(BENCH, lines);
