/**
 * Bench (e): the AI-endgame model (packages/model/model/endgame.yaml), one
 * full run 2026-01..2045-12 (240 months) with every check on, compiled vs the
 * reference interpreter side by side. Also reports the largest simultaneous
 * block and the share of run time spent solving blocks (measured by timing
 * every block solve inside one extra instrumented run).
 *
 * Usage: tsx bench/bench-endgame.ts [--quick] [--runs N] [--warmups N]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BlockSolver } from '../packages/engine/src/block-solver.js';
import { buildEngine, parseBenchArgs, progress } from './common.js';
import { measureSideBySide } from './measure.js';
import { publish, resultLine } from './report.js';

const BENCH = 'endgame';
const modelPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'model', 'model', 'endgame.yaml');
const args = parseBenchArgs(process.argv.slice(2));
const model = buildEngine(modelPath);
const compiled = model.instance.compiled;
const periods = compiled.periods;
const cyclic = compiled.blocks.filter((b) => b.cyclic);
const largest = cyclic.reduce((m, b) => Math.max(m, b.vars.length), 0);
progress(
  BENCH,
  `${model.equations} equations, ${compiled.slots.length} series, ${cyclic.length} simultaneous blocks (largest ${largest}), ${periods} months`,
);

// Sanity: the run balances its accounts and stays finite.
const first = model.instance.run();
if (!(first.accounting.maxResidual < 1e-3))
  throw new Error(`endgame: accounting residual ${first.accounting.maxResidual}`);

// Share of time in blocks: one instrumented run after warm-up (timing every solve adds a little overhead).
for (let i = 0; i < args.warmups; i++) model.instance.run();
const original = BlockSolver.prototype.solve;
let inBlocks = 0;
BlockSolver.prototype.solve = function timed(this: BlockSolver, ...a: Parameters<BlockSolver['solve']>) {
  const t0 = performance.now();
  try {
    return original.apply(this, a);
  } finally {
    inBlocks += performance.now() - t0;
  }
};
const t0 = performance.now();
model.instance.run();
const total = performance.now() - t0;
BlockSolver.prototype.solve = original;
const share = total > 0 ? inBlocks / total : 0;
progress(BENCH, `share of run time in simultaneous blocks: ${(100 * share).toFixed(1)} %`);

const [comp, interp] = measureSideBySide(
  [
    { name: 'compiled', run: () => model.instance.run() },
    { name: 'interpreter', run: () => model.instance.run({ interpret: true }) },
  ],
  { runs: args.runs, warmups: args.warmups, label: BENCH },
);
const ctx = { bench: BENCH, runs: args.runs, warmups: args.warmups };
const size = { equations: model.equations, periods };
const lines = [
  resultLine(ctx, { variant: 'compiled', median_ms: comp.medianMs, ...size }),
  resultLine(ctx, { variant: 'interpreter', median_ms: interp.medianMs, ...size }),
  resultLine(ctx, {
    variant: 'interpreter÷compiled',
    median_ms: interp.medianMs,
    ...size,
    ratio: interp.medianMs / comp.medianMs,
    vs: 'compiled',
  }),
];
publish(BENCH, [
  ...lines.slice(0, 1).map((l) => ({ ...l, largest_block: largest, blocks: cyclic.length, share_in_blocks: share })),
  ...lines.slice(1),
]);
