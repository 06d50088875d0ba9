/**
 * The model worker: compiles the bundled model once, then answers runs of
 * scenario states (the state's YAML, exactly what the page exports) and
 * Monte Carlo requests (on nested Web Workers via the analysis package's
 * runner). No server round-trip; errors come back as one-line messages.
 */
import { loadScenario } from '@endgame/engine';
import { compiledModel, listPresets, presetNames, resolvePreset, type ScenarioRun } from '@endgame/model';
import { MODEL_PATH } from '../model/bundle.js';
import type { ScenarioState } from '../scenario/scenario-state.js';
import type { RunReply, WorkerReply, WorkerRequest } from './protocol.js';
import { files, options, runState } from './run-state.js';

const scope = globalThis as unknown as { postMessage(m: WorkerReply, t?: Transferable[]): void; onmessage: unknown };
const monteCarlos = new Map<number, AbortController>();

function post(message: WorkerReply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function pick(run: ScenarioRun['view'] | undefined, names: string[], months: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  if (!run) return out;
  for (const name of names) {
    const values = run.get(name);
    if (values) out[name] = Float64Array.from({ length: months }, (_, i) => values[i + 1]);
  }
  return out;
}

function ready(): WorkerReply {
  const { compiled } = compiledModel(MODEL_PATH, files.readFile);
  const presetSets: Record<string, Record<string, number>> = {};
  for (const name of presetNames(options)) {
    const path = resolvePreset(name, options) as string;
    presetSets[name] = loadScenario(path, {
      readFile: files.readFile,
      resolvePreset: (n) => resolvePreset(n, options),
    }).set;
  }
  const slots = compiled.slots
    .filter((s) => !s.name.startsWith('__') && s.kind !== 'hidden-stock')
    .map(({ name, kind, unit, doc, source, equation, role, range, value }) => ({
      name,
      kind,
      unit,
      doc,
      source,
      equation,
      role,
      range,
      value,
    }));
  return { type: 'ready', presets: listPresets(options), presetSets, slots };
}

function run(id: number, state: ScenarioState, names: string[]): void {
  const t0 = performance.now();
  const result = runState(state);
  const months = result.view.months;
  const series = pick(result.view, names, months);
  const baseline = pick(result.baseline, names, months);
  const reply: RunReply = {
    type: 'result',
    id,
    time: result.time,
    series,
    baseline,
    chain: result.chain,
    scorecard: result.scorecard,
    summary: result.summary,
    warnings: result.warnings.map((w) => w.message),
    ms: performance.now() - t0,
  };
  const buffers = [...Object.values(series), ...Object.values(baseline)].map((a) => a.buffer);
  post(reply, buffers);
}

async function monteCarlo(request: Extract<WorkerRequest, { type: 'mc' }>): Promise<void> {
  const controller = new AbortController();
  monteCarlos.set(request.id, controller);
  try {
    const { runFan } = await import('./fan.js');
    const fan = await runFan(runState(request.state), request, controller.signal, (done) =>
      post({ type: 'mc-progress', id: request.id, done, runs: request.runs }),
    );
    post({ type: 'mc-done', id: request.id, ...fan, runs: request.runs });
  } catch (err) {
    const cancelled = controller.signal.aborted;
    post({ type: 'mc-error', id: request.id, message: messageOf(err), cancelled });
  } finally {
    monteCarlos.delete(request.id);
  }
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'init') post(ready());
    else if (request.type === 'run') run(request.id, request.state, request.names);
    else if (request.type === 'mc') void monteCarlo(request);
    else if (request.type === 'mc-cancel') monteCarlos.get(request.id)?.abort();
  } catch (err) {
    post({ type: 'error', id: 'id' in request ? request.id : 0, message: messageOf(err) }); // 0: the start failed
  }
};
