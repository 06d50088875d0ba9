/**
 * `npm run bench`: runs every benchmark, each in its own Node process (so one
 * benchmark's JIT and heap state cannot colour the next), one after another.
 * JSON lines go to stdout (and bench/results/<bench>.jsonl), progress to stderr.
 *
 * Usage: npm run bench [-- --quick] [-- --only equations,sim] [-- --runs N --warmups N]
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The benchmarks, in run order: name → script. */
export const BENCHMARKS: Record<string, string> = {
  equations: 'bench-equations.ts',
  'peer-sdeverywhere': 'peer-sdeverywhere.ts',
  sim: 'bench-sim.ts',
  'lu-reuse': 'bench-lu-reuse.ts',
  endgame: 'bench-endgame.ts',
  mc: 'bench-mc.ts',
  web: 'bench-web.ts',
  sweep: 'bench-sweep.ts',

  micro: 'bench-micro.ts',
};

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : Object.keys(BENCHMARKS);
const passThrough = onlyAt >= 0 ? [...argv.slice(0, onlyAt), ...argv.slice(onlyAt + 2)] : argv;
const unknown = only.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}\n`);
  process.exit(2);
}

const failed: string[] = [];
const t0 = performance.now();
for (const name of only) {
  process.stderr.write(`== ${name} ==\n`);
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, BENCHMARKS[name]), ...passThrough], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (child.status !== 0) {
    failed.push(name);
    process.stderr.write(`== ${name} failed (exit ${child.status ?? child.signal}) after ${seconds} s ==\n`);
  } else {
    process.stderr.write(`== ${name} done in ${seconds} s ==\n`);
  }
}
process.stderr.write(`all benchmarks: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
if (failed.length > 0) {
  process.stderr.write(`failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
