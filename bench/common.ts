/**
 * Shared helpers of the benchmarks: command-line options, building an engine
 * instance from YAML text, and value agreement checks.
 */
import { compile, instantiate, loadModel, type ModelInstance } from '@endgame/engine';

/** Runs and warm-ups for one benchmark invocation. */
export interface BenchArgs {
  runs: number;
  warmups: number;
  quick: boolean;
}

/**
 * Parses `--quick` (5 runs after 2 warm-ups: a smoke test, not a measurement),
 * `--runs N` and `--warmups N`; the default is ENGINE.md §7's 50 runs after 10 warm-ups.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const quick = argv.includes('--quick');
  const numberAfter = (flag: string, fallback: number): number => {
    const i = argv.indexOf(flag);
    if (i < 0) return fallback;
    const v = Number(argv[i + 1]);
    if (!Number.isInteger(v) || v < 1) throw new Error(`${flag} needs a positive integer, got '${argv[i + 1]}'`);
    return v;
  };
  return { quick, runs: numberAfter('--runs', quick ? 5 : 50), warmups: numberAfter('--warmups', quick ? 2 : 10) };
}

/** An engine model ready to run, with its compile time. */
export interface EngineModel {
  instance: ModelInstance;
  /** Number of equations (endogenous variables) in the model file. */
  equations: number;
  compileMs: number;
  /** The generated JavaScript (`compile(ir).source`). */
  source: string;
}

/** Loads YAML text (or a path), compiles and instantiates it. */
export function buildEngine(yamlOrPath: string): EngineModel {
  const t0 = performance.now();
  const ir = loadModel(yamlOrPath);
  const compiled = compile(ir);
  const instance = instantiate(compiled);
  return { instance, equations: ir.equations.length, compileMs: performance.now() - t0, source: compiled.source };
}

/** |a − b| ÷ max(1, |a|, |b|): relative for large values, absolute near zero. */
export function relativeDifference(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}

/** Throws unless two series agree to `tol` at every index; returns the largest difference. */
export function assertAgree(
  what: string,
  name: string,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  tol: number,
): number {
  if (a.length !== b.length) throw new Error(`${what}: ${name} has ${a.length} vs ${b.length} values`);
  let worst = 0;
  for (let p = 0; p < a.length; p++) {
    const d = relativeDifference(a[p], b[p]);
    if (!(d <= tol)) {
      throw new Error(`${what}: ${name} differs at index ${p}: ${a[p]} vs ${b[p]} (relative ${d} > ${tol})`);
    }
    worst = Math.max(worst, d);
  }
  return worst;
}

/** One variable's values over periods 0..periods from a time-major history of width n. */
export function columnOf(history: Float64Array, n: number, index: number, periods: number): Float64Array {
  const out = new Float64Array(periods + 1);
  for (let p = 0; p <= periods; p++) out[p] = history[p * n + index];
  return out;
}

/** Writes a progress line to stderr. */
export function progress(label: string, message: string): void {
  process.stderr.write(`[${label}] ${message}\n`);
}
