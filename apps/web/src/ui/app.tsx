/**
 * The simulator page: levers on one side, consequences on the other,
 * recomputed in the model worker while a slider moves. The scenario lives in
 * the URL; views are tabs.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { headlineSeries } from '../charts/chart-list.js';
import { headlineOf } from '../headline.js';
import { type LeverMeta, leverMetas, withLever } from '../levers/lever-meta.js';
import { mapSeries } from '../map/causal-graph.js';
import { isPlainPreset, type ScenarioState } from '../scenario/scenario-state.js';
import { parseUrlState, urlOfState } from '../scenario/url-state.js';
import { createModelClient, type ModelClient } from '../worker/client.js';
import type { RunReply, WorkerReply } from '../worker/protocol.js';
import { CausalMap } from './causal-map.js';
import { ChainTimeline } from './chain-timeline.js';
import { ChartGrid } from './chart-grid.js';
import { CompareView } from './compare-view.js';
import { ExportBar } from './export-bar.js';
import { FanView } from './fan-view.js';
import { Inspector } from './inspector.js';
import { LeverPanel } from './lever-panel.js';
import { MINSKY_PREFIX, MinskyStrip } from './minsky-strip.js';
import { ScorecardView } from './scorecard-view.js';
import { monthSeconds } from './time-axis.js';
import { useScenarioRuns } from './use-scenario-runs.js';

const VIEWS = ['charts', 'chain', 'map', 'inspector', 'compare', 'scorecard', 'fan'] as const;
type View = (typeof VIEWS)[number];
const VIEW_LABELS: Record<View, string> = {
  charts: 'Charts',
  chain: 'Chain trace',
  map: 'Causal map',
  inspector: 'Inspector',
  compare: 'Compare',
  scorecard: 'Scorecard',
  fan: 'Fan charts',
};
const PINNED = 'pinned scenario';
const NO_SET: Record<string, number> = {};

type Ready = Extract<WorkerReply, { type: 'ready' }>;

/** What the page exposes for its tests and benchmark. */
interface PageProbe {
  /** Finished runs so far. */
  seq: number;
  /** Runs drawn so far (set in the frame after the charts drew). */
  drawnSeq: number;
  /** `performance.now()` when `drawnSeq` last moved. */
  drawnAt: number;
  /** Worker milliseconds of the newest run. */
  workerMs: number;
  /** Finished runs of the compare view's B. */
  compareSeq: number;
}

declare global {
  interface Window {
    __endgame?: PageProbe;
  }
}

/** The page's probe, created on first use. */
function pageProbe(): PageProbe {
  window.__endgame ??= { seq: 0, drawnSeq: 0, drawnAt: 0, workerMs: 0, compareSeq: 0 };
  return window.__endgame;
}

/** The app. */
export function App() {
  const [client, setClient] = useState<ModelClient | null>(null);
  const [ready, setReady] = useState<Ready | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [state, setState] = useState<ScenarioState | null>(null);
  const [history, setHistory] = useState<ScenarioState[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [view, setView] = useState<View>('charts');
  const [inspected, setInspected] = useState<string | null>(null);
  const [mapNode, setMapNode] = useState<string | null>(null);
  const [compareWith, setCompareWith] = useState('baseline');
  const [pinned, setPinned] = useState<ScenarioState | null>(null);
  const lastChange = useRef<{ at: number; lever: string | null }>({ at: 0, lever: null });

  useEffect(() => {
    const c = createModelClient();
    setClient(c);
    c.ready.then(setReady, (err: Error) => setFatal(err.message));
  }, []);

  const levers = useMemo(() => (ready ? leverMetas(ready.slots) : { levers: [], missing: [] }), [ready]);
  const presetNames = useMemo(() => ready?.presets.map((p) => p.name) ?? [], [ready]);

  useEffect(() => {
    if (!ready) return;
    const parsed = parseUrlState(window.location.search, presetNames, levers.levers);
    setProblems(parsed.problems);
    setState(parsed.state);
  }, [ready, presetNames, levers]);

  useEffect(() => {
    if (state) window.history.replaceState(null, '', urlOfState(state, levers.levers));
  }, [state, levers]);

  const minskyNames = useMemo(
    () => ready?.slots.filter((s) => s.name.startsWith(MINSKY_PREFIX)).map((s) => s.name) ?? [],
    [ready],
  );
  const names = useMemo(() => {
    const extra = [
      ...(inspected ? [inspected] : []),
      ...(mapNode ? mapSeries(mapNode) : []),
      ...(view === 'chain' ? minskyNames : []),
    ];
    return [...new Set([...headlineSeries(), ...extra])];
  }, [inspected, mapNode, view, minskyNames]);
  const status = useScenarioRuns(client, state, names);
  // One state object per choice of B: a new object on every render would start a new run each time.
  const compareState = useMemo(
    () => (compareWith === PINNED ? pinned : { preset: compareWith, set: {}, ubiTrigger: null }),
    [compareWith, pinned],
  );
  const compare = useScenarioRuns(view === 'compare' ? client : null, compareState, headlineSeries());
  // The report compares with the compare view's B, unless B is the current scenario's own unchanged preset.
  const reportCompare =
    compareState &&
    !(isPlainPreset(compareState) && state && isPlainPreset(state) && compareState.preset === state.preset)
      ? compareState
      : null;

  useEffect(() => {
    const probe = pageProbe();
    probe.seq = status.seq;
    probe.workerMs = status.result?.ms ?? 0;
    const seq = status.seq;
    requestAnimationFrame(() => {
      probe.drawnSeq = seq;
      probe.drawnAt = performance.now();
    });
  }, [status]);
  useEffect(() => {
    pageProbe().compareSeq = compare.seq;
  }, [compare.seq]);

  const current = useRef({ state, history });
  current.current = { state, history };

  /** Applies a change; a burst of moves of one lever (a drag) is one undo step. */
  const change = useCallback((next: ScenarioState, lever: string | null = null) => {
    const now = performance.now();
    const previous = current.current.state;
    const burst = lever !== null && lever === lastChange.current.lever && now - lastChange.current.at < 400;
    if (previous && !burst) setHistory((h) => [...h.slice(-49), previous]);
    lastChange.current = { at: now, lever };
    setState(next);
  }, []);
  const onLever = useCallback(
    (meta: LeverMeta, value: number) => {
      const now = current.current.state;
      if (now) change(withLever(now, meta, value), meta.def.id);
    },
    [change],
  );
  const onPreset = useCallback((preset: string) => change({ preset, set: {}, ubiTrigger: null }), [change]);
  const onReset = useCallback(() => {
    const now = current.current.state;
    if (now) change({ preset: now.preset, set: {}, ubiTrigger: null });
  }, [change]);
  const onUndo = useCallback(() => {
    const previous = current.current.history.at(-1);
    if (!previous) return;
    setHistory((h) => h.slice(0, -1));
    lastChange.current = { at: 0, lever: null };
    setState(previous);
  }, []);

  const times = status.result?.time;
  const x = useMemo(() => (times ? monthSeconds(times) : []), [times]);

  if (fatal) return <p className="notice">The simulator could not start: {fatal}</p>;
  if (!ready || !state) return <p className="loading">Loading the model…</p>;
  const result: RunReply | null = status.result;

  return (
    <div className="app">
      <header>
        <h1>endgame</h1>
        <p className="headline" data-testid="headline">
          {result
            ? `${state.preset}${isPlainPreset(state) ? '' : ' (changed)'}: ${headlineOf(result.summary)}`
            : 'running…'}
        </p>
      </header>
      {problems.length > 0 && (
        <div className="notice banner" role="alert" data-testid="url-problems">
          The link had problems, so parts of it were ignored: {problems.join('; ')}.
        </div>
      )}
      {status.error && (
        <div className="notice banner" role="alert" data-testid="run-error">
          This scenario did not run: {status.error}
        </div>
      )}
      <div className="layout">
        <LeverPanel
          presets={ready.presets}
          presetSet={ready.presetSets[state.preset] ?? NO_SET}
          levers={levers.levers}
          missing={levers.missing}
          state={state}
          canUndo={history.length > 0}
          onPreset={onPreset}
          onLever={onLever}
          onReset={onReset}
          onUndo={onUndo}
        />
        <main>
          <div className="tabs" role="tablist">
            {VIEWS.map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={v === view}
                data-testid={`tab-${v}`}
                onClick={() => setView(v)}
              >
                {VIEW_LABELS[v]}
              </button>
            ))}
          </div>
          {result && (
            <>
              <ExportBar
                result={result}
                state={state}
                names={names}
                compare={reportCompare}
                comparePinned={compareWith === PINNED}
                onPin={() => {
                  setPinned(state);
                  setCompareWith(PINNED);
                }}
              />
              {view === 'charts' && (
                <>
                  <ChainTimeline chain={result.chain} time={result.time} />
                  <ChartGrid result={result} x={x} />
                </>
              )}
              {view === 'chain' && (
                <ChainTimeline
                  chain={result.chain}
                  time={result.time}
                  details
                  beneath={<MinskyStrip series={result.series} time={result.time} />}
                />
              )}
              {view === 'map' && (
                <CausalMap
                  chain={result.chain}
                  result={result}
                  x={x}
                  selected={mapNode}
                  onSelect={setMapNode}
                  unitOf={(name) => ready.slots.find((s) => s.name === name)?.unit ?? '1'}
                />
              )}
              {view === 'inspector' && (
                <Inspector slots={ready.slots} result={result} x={x} selected={inspected} onSelect={setInspected} />
              )}
              {view === 'compare' && (
                <CompareView
                  a={result}
                  b={compare.result}
                  bLabel={compareWith}
                  options={[...presetNames, ...(pinned ? [PINNED] : [])]}
                  onPick={setCompareWith}
                  x={x}
                />
              )}
              {view === 'scorecard' && <ScorecardView entries={result.scorecard} preset={state.preset} />}
              {view === 'fan' && client && <FanView client={client} state={state} />}
              {result.warnings.length > 0 && (
                <details className="warnings">
                  <summary>{result.warnings.length} warnings</summary>
                  <ul>
                    {result.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                </details>
              )}
              <p className="status" data-testid="status">
                model run, chain and scorecard: {result.ms.toFixed(1)} ms in the worker
              </p>
            </>
          )}
        </main>
      </div>
    </div>
  );
}
