/**
 * Runs a preset, scenario or model file end to end: load the scenario chain,
 * validate it against the model, compile the model (once per file and
 * process), run it, then compute the chain trace (against `baseline`), the
 * scorecard and the summary, and the output window.
 */
import {
  applySetOverrides,
  type CompiledModel,
  compile,
  EngineError,
  instantiate,
  loadModel,
  loadScenario,
  type ModelInstance,
  type ReadFile,
  type ResolvedScenario,
  type RunOptions,
  type RunResult,
  scenarioModelInfo,
  validateScenario,
  type Warning,
} from '@endgame/engine';
import { type ChainLinkResult, computeChainTrace } from './chain.js';
import { type InputKind, type InputOptions, resolveInput, scenarioModelPath } from './inputs.js';
import { monthsBetween } from './months.js';
import { resolvePreset } from './presets.js';
import { indexOf, monthOf, type RunView, viewOfResult } from './run-view.js';
import { computeScorecard, type ScorecardEntry } from './scorecard.js';
import { computeSummary, type RunSummary, SUMMARY_REFERENCE, type SummaryReference } from './summary.js';

/** Options of {@link runScenario}. */
export interface RunScenarioOptions extends InputOptions {
  /** `--set name=value` overrides: win over the scenario (ENGINE.md §5). */
  set?: Record<string, number>;
  /** First month of the output window (default: the first solved month). */
  from?: string;
  /** Last month of the output window (default: the last solved month). */
  to?: string;
  /**
   * Reuse the comparison runs of presets (`baseline`, and a summary's
   * reference such as `citrini-2028`) across calls in this process, keyed by
   * preset file and model: for callers whose preset files never change (the
   * web app's bundled presets). Forgotten by {@link clearModelCache}.
   */
  reusePresetRuns?: boolean;
}

/** The engine's run options of a scenario: its params by name, paths, triggers, periods and dt. */
export type ScenarioRunOptions = Omit<RunOptions, 'params'> & { params: Record<string, number> };

/** A finished run with everything the `run` command prints. */
export interface ScenarioRun {
  /** The scenario's name (a preset's name, a file's base name, or the model's name). */
  name: string;
  description: string;
  /** The merged scenario as run (its chain, then `--set`); for a model file, just the `--set` values. */
  scenario: ResolvedScenario;
  kind: InputKind;
  /** The scenario chain, base first (empty for a model file). */
  files: string[];
  modelPath: string;
  compiled: CompiledModel;
  /** What the engine ran it with (params, paths, triggers, periods from `to:`, dt): where a Monte Carlo of it starts. */
  runOptions: ScenarioRunOptions;
  result: RunResult;
  /** The run month by month. */
  view: RunView;
  /** The `baseline` preset's run month by month (this run itself for `baseline`; never for a model file). */
  baseline?: RunView;
  /** The engine result behind `baseline`. */
  baselineResult?: RunResult;
  /** The run this preset's summary compares with (policy-response → citrini-2028). */
  reference?: SummaryReference;
  /** Month indices of the output window in `view` (inclusive). */
  window: { from: number; to: number };
  /** `"YYYY-MM"` of each month of the window. */
  time: string[];
  /** Names of the series users see (no `__` internals), in slot order. */
  seriesNames: string[];
  chain: ChainLinkResult[];
  scorecard: ScorecardEntry[];
  summary: RunSummary;
  warnings: Warning[];
}

interface CachedModel {
  compiled: CompiledModel;
  instance: ModelInstance;
}

const MODEL_CACHE = new Map<string, CachedModel>();
const PRESET_RUN_CACHE = new Map<string, Solved>();

/** Forgets the compiled models (and reused preset runs) kept by {@link runScenario} (for tests that rewrite model files). */
export function clearModelCache(): void {
  MODEL_CACHE.clear();
  PRESET_RUN_CACHE.clear();
}

/**
 * Loads and compiles the model at `path`, once per path (and set of
 * exogenous variables) in this process.
 */
export function compiledModel(path: string, readFile?: ReadFile, exogenous: string[] = []): CachedModel {
  const key = exogenous.length > 0 ? `${path}\u0000${exogenous.join(',')}` : path;
  let cached = MODEL_CACHE.get(key);
  if (!cached) {
    const compiled = compile(loadModel(path, readFile ? { readFile } : {}), { exogenous });
    cached = { compiled, instance: instantiate(compiled) };
    MODEL_CACHE.set(key, cached);
  }
  return cached;
}

/**
 * Drives one run instead of `instance.run` — e.g. the household
 * micro-simulation, which steps the model month by month and gives it
 * `exogenous` variables (compiled as such) each period.
 */
export interface ScenarioDriver {
  /** Variables the driver sets through `step` (compiled exogenous). */
  exogenous: string[];
  /** Runs `instance` with `options` (begin, then step every period) and returns its result. */
  run(instance: ModelInstance, options: RunOptions, compiled: CompiledModel): Promise<RunResult>;
}

function bareScenario(name: string, set: Record<string, number>): ResolvedScenario {
  return { name, description: '', files: [], set, paths: {}, triggers: [], uncertainty: {} };
}

function startMonthOf(compiled: CompiledModel, path: string): string {
  if (!compiled.startMonth) {
    throw new EngineError(
      'bad-input',
      `'${path}': run needs a monthly model whose start is a month (start: "2026-01"); solve other models with endgame solve`,
    );
  }
  return compiled.startMonth;
}

/** One solved scenario (or model) before the chain, scorecard and summary. */
interface Solved {
  scenario: ResolvedScenario;
  modelPath: string;
  compiled: CompiledModel;
  runOptions: ScenarioRunOptions;
  result: RunResult;
  view: RunView;
  warnings: Warning[];
}

/** `err` prefixed with the run that failed (`while running preset 'baseline' ...`) when it is an engine error. */
function named(what: string, err: unknown): unknown {
  if (!(err instanceof EngineError)) return err;
  return new EngineError(err.code, `while running ${what}: ${err.message}`, undefined, { ...err.detail, pos: err.pos });
}

/** Runs `solve`, naming the run in an engine error it throws. */
function naming<T>(what: string, solve: () => T): T {
  try {
    return solve();
  } catch (err) {
    throw named(what, err);
  }
}

/** Loads, validates and runs the scenario file at `path` with `set` on top; `label` names the run in solver errors. */
function solveScenario(
  path: string,
  mode: 'preset' | 'user',
  options: InputOptions,
  set: Record<string, number>,
  label: string,
): Solved {
  const prepared = prepareScenario(path, mode, options, set, []);
  return finishSolve(
    prepared,
    naming(label, () => prepared.instance.run(prepared.runOptions)),
  );
}

/** A scenario loaded, validated and compiled, ready to run. */
interface Prepared extends Omit<Solved, 'result' | 'view'> {
  instance: ModelInstance;
  start: string;
  dt: number;
}

function finishSolve(prepared: Prepared, result: RunResult): Solved {
  const { scenario, modelPath, compiled, runOptions, warnings, start, dt } = prepared;
  return { scenario, modelPath, compiled, runOptions, result, view: viewOfResult(result, start, dt), warnings };
}

function prepareScenario(
  path: string,
  mode: 'preset' | 'user',
  options: InputOptions,
  set: Record<string, number>,
  exogenous: string[],
): Prepared {
  const loaded = loadScenario(path, {
    readFile: options.readFile,
    resolvePreset: (name) => resolvePreset(name, options),
  });
  const modelPath = scenarioModelPath(loaded.model, options);
  const { compiled, instance } = compiledModel(modelPath, options.readFile, exogenous);
  const info = scenarioModelInfo(compiled);
  const warnings = validateScenario(loaded, info, mode);
  let scenario = loaded;
  if (Object.keys(set).length > 0) {
    warnings.push(...validateScenario(bareScenario(loaded.name, set), info, 'user'));
    scenario = applySetOverrides(loaded, set);
  }
  const start = startMonthOf(compiled, modelPath);
  const dt = scenario.dt ?? compiled.dt;
  const periodsPerMonth = Math.round(1 / 12 / dt);
  const periods =
    scenario.periods ?? (scenario.to ? (monthsBetween(start, scenario.to) + 1) * periodsPerMonth : undefined);
  const runOptions: ScenarioRunOptions = {
    params: scenario.set,
    paths: scenario.paths,
    triggers: scenario.triggers,
    ...(periods === undefined ? {} : { periods }),
    ...(scenario.dt === undefined ? {} : { dt: scenario.dt }),
  };
  return { scenario, modelPath, compiled, instance, runOptions, start, dt, warnings };
}

/** Loads and runs a model file with `set` as param overrides. */
function solveModel(path: string, options: InputOptions, set: Record<string, number>): Solved {
  const prepared = prepareModel(path, options, set, []);
  return finishSolve(prepared, prepared.instance.run(prepared.runOptions));
}

function prepareModel(path: string, options: InputOptions, set: Record<string, number>, exogenous: string[]): Prepared {
  const { compiled, instance } = compiledModel(path, options.readFile, exogenous);
  const scenario = bareScenario(compiled.name, set);
  scenario.description = compiled.description;
  const warnings = validateScenario(scenario, scenarioModelInfo(compiled), 'user');
  const start = startMonthOf(compiled, path);
  return {
    scenario,
    modelPath: path,
    compiled,
    instance,
    runOptions: { params: set },
    start,
    dt: compiled.dt,
    warnings,
  };
}

/** Month indices of the output window; throws naming the flag when it lies outside the run. */
function outputWindow(view: RunView, from?: string, to?: string): { from: number; to: number } {
  const pick = (month: string | undefined, flag: string, fallback: number): number => {
    if (month === undefined) return fallback;
    const m = indexOf(view, month);
    if (m === undefined || m < 1) {
      throw new EngineError(
        'bad-input',
        `${flag} ${month} is outside the run (${monthOf(view, 1)}..${monthOf(view, view.months)}); pick a month in that range`,
      );
    }
    return m;
  };
  const window = { from: pick(from, '--from', 1), to: pick(to, '--to', view.months) };
  if (window.from > window.to) {
    throw new EngineError('bad-input', `--from ${from} is after --to ${to}; give --from ≤ --to`);
  }
  return window;
}

/** Runs a preset by name as it stands (no `--set`), for comparisons; undefined when there is no such preset. */
function solvePreset(name: string, options: RunScenarioOptions): Solved | undefined {
  const path = resolvePreset(name, options);
  if (path === undefined) return undefined;
  const key = `${path}\n${options.modelPath ?? ''}`;
  const reused = options.reusePresetRuns ? PRESET_RUN_CACHE.get(key) : undefined;
  if (reused) return reused;
  const solved = solveScenario(path, 'preset', options, {}, `preset '${name}' (for comparison)`);
  if (options.reusePresetRuns) PRESET_RUN_CACHE.set(key, solved);
  return solved;
}

/**
 * Runs `input` — a preset name, a scenario file or a model file — and
 * computes its chain trace, scorecard and summary (ENGINE.md §5–6, MODEL.md
 * §9–10). Presets are validated strictly (only `role: driver` params), other
 * scenarios and `--set` with warnings. Throws EngineError for anything a
 * user can fix (unknown preset, bad scenario, months outside the run).
 */
export function runScenario(input: string, options: RunScenarioOptions = {}): ScenarioRun {
  const resolved = resolveInput(input, options);
  const set = options.set ?? {};
  const solved =
    resolved.kind === 'model'
      ? solveModel(resolved.path, options, set)
      : solveScenario(resolved.path, resolved.mode, options, set, `${resolved.kind} '${input}'`);
  return completeRun(resolved.kind, solved, options);
}

/**
 * {@link runScenario} with the run itself made by `driver` (which steps the
 * model, e.g. coupled to the household micro-simulation); the comparison
 * runs (`baseline`, the summary's reference) are plain runs.
 */
export async function runScenarioDriven(
  input: string,
  driver: ScenarioDriver,
  options: RunScenarioOptions = {},
): Promise<ScenarioRun> {
  const resolved = resolveInput(input, options);
  const set = options.set ?? {};
  const label = `${resolved.kind} '${input}'`;
  const prepared =
    resolved.kind === 'model'
      ? prepareModel(resolved.path, options, set, driver.exogenous)
      : prepareScenario(resolved.path, resolved.mode, options, set, driver.exogenous);
  let result: RunResult;
  try {
    result = await driver.run(prepared.instance, prepared.runOptions, prepared.compiled);
  } catch (err) {
    throw named(label, err);
  }
  return completeRun(resolved.kind, finishSolve(prepared, result), options);
}

/** The chain trace, scorecard, summary and window of a solved run. */
function completeRun(kind: InputKind, solved: Solved, options: RunScenarioOptions): ScenarioRun {
  const name = solved.scenario.name;

  let baselineRun: Solved | undefined;
  if (kind !== 'model') baselineRun = name === 'baseline' ? solved : solvePreset('baseline', options);
  const baseline = baselineRun?.view;
  let reference: SummaryReference | undefined;
  const referenceName = kind === 'model' ? undefined : SUMMARY_REFERENCE[name];
  if (referenceName) {
    const ref = solvePreset(referenceName, options);
    if (ref) {
      reference = { name: referenceName, run: ref.view, chain: computeChainTrace(ref.view, baseline) };
    }
  }

  const view = solved.view;
  const chain = computeChainTrace(view, baseline);
  const window = outputWindow(view, options.from, options.to);
  const kinds = new Map(solved.compiled.slots.map((slot) => [slot.name, slot.kind]));
  return {
    name,
    description: solved.scenario.description,
    scenario: solved.scenario,
    kind,
    files: solved.scenario.files,
    modelPath: solved.modelPath,
    compiled: solved.compiled,
    runOptions: solved.runOptions,
    result: solved.result,
    view,
    ...(baselineRun ? { baseline: baselineRun.view, baselineResult: baselineRun.result } : {}),
    ...(reference ? { reference } : {}),
    window,
    time: Array.from({ length: window.to - window.from + 1 }, (_, i) => monthOf(view, window.from + i)),
    seriesNames: solved.result.names.filter((n) => !n.startsWith('__') && kinds.get(n) !== 'hidden-stock'),
    chain,
    scorecard: computeScorecard(name, { run: view, baseline, chain }),
    summary: computeSummary(view, chain, reference),
    warnings: solved.warnings,
  };
}
