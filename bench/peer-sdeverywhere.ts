/**
 * Bench (b): the peer. One generated system-dynamics model (1,000 stocks with
 * flows and auxiliaries, Euler, 1,000 steps) as engine YAML and as Vensim
 * text compiled by SDEverywhere (@sdeverywhere/compile → generated JS →
 * @sdeverywhere/runtime), both run in this process. Every stock must agree
 * (1e-9 relative, every step) before timing. Reported: time per full run and
 * ours ÷ theirs, like for like (both store every variable at every step), and
 * against SDEverywhere storing only 10 stocks (its cheapest configuration).
 *
 * Usage: tsx bench/peer-sdeverywhere.ts [--quick] [--runs N] [--warmups N]
 */
import { assertAgree, buildEngine, parseBenchArgs, progress } from './common.js';
import { generateSdModel } from './gen-sd-model.js';
import { measureSideBySide } from './measure.js';
import { publish, resultLine } from './report.js';
import { buildSdePeer } from './sde-peer.js';

const BENCH = 'peer-sdeverywhere';
const TOLERANCE = 1e-9;

const args = parseBenchArgs(process.argv.slice(2));
const model = generateSdModel({ seed: 42, stocks: 1000, steps: 1000, dt: 0.25 });
const steps = model.steps;
progress(BENCH, `${model.stocks.length} stocks, ${model.equations} equations, ${steps} Euler steps of dt ${model.dt}`);

const ours = buildEngine(model.yaml);
progress(BENCH, `engine compile ${ours.compileMs.toFixed(0)} ms`);
const theirsAll = await buildSdePeer(model.mdl, 'peer-all', model.variables);
progress(BENCH, `SDEverywhere build (all ${model.variables.length} outputs) ${theirsAll.buildMs.toFixed(0)} ms`);
const fewStocks = model.stocks.filter((_, i) => i % 100 === 0);
const theirsFew = await buildSdePeer(model.mdl, 'peer-few', fewStocks);
progress(BENCH, `SDEverywhere build (${fewStocks.length} outputs) ${theirsFew.buildMs.toFixed(0)} ms`);

// Agreement before timing: every stock at every step (like-for-like build), the sampled stocks in the other.
const result = ours.instance.run();
theirsAll.run();
theirsFew.run();
let worst = 0;
for (const s of model.stocks)
  worst = Math.max(worst, assertAgree('ours vs SDEverywhere', s, result.series(s), theirsAll.series(s), TOLERANCE));
for (const s of fewStocks)
  assertAgree('ours vs SDEverywhere (10 outputs)', s, result.series(s), theirsFew.series(s), TOLERANCE);
progress(BENCH, `agreement on all ${model.stocks.length} stocks × ${steps + 1} steps: worst ${worst.toExponential(2)}`);

const [oursT, allT, fewT] = measureSideBySide(
  [
    { name: 'endgame-compiled', run: () => ours.instance.run() },
    { name: 'sdeverywhere', run: () => theirsAll.run() },
    { name: 'sdeverywhere-10-outputs', run: () => theirsFew.run() },
  ],
  { runs: args.runs, warmups: args.warmups, label: BENCH },
);
const ctx = { bench: BENCH, runs: args.runs, warmups: args.warmups };
const eq = model.equations;
publish(BENCH, [
  resultLine(ctx, { variant: 'endgame-compiled', median_ms: oursT.medianMs, equations: eq, periods: steps }),
  resultLine(ctx, { variant: 'sdeverywhere', median_ms: allT.medianMs, equations: eq, periods: steps }),
  resultLine(ctx, { variant: 'sdeverywhere-10-outputs', median_ms: fewT.medianMs, equations: eq, periods: steps }),
  resultLine(ctx, {
    variant: 'ours÷sdeverywhere',
    median_ms: oursT.medianMs,
    equations: eq,
    periods: steps,
    ratio: oursT.medianMs / allT.medianMs,
    vs: 'sdeverywhere',
  }),
  resultLine(ctx, {
    variant: 'ours÷sdeverywhere-10-outputs',
    median_ms: oursT.medianMs,
    equations: eq,
    periods: steps,
    ratio: oursT.medianMs / fewT.medianMs,
    vs: 'sdeverywhere-10-outputs',
  }),
]);
