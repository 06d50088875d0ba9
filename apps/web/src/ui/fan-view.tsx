/**
 * Monte Carlo fan charts on demand: every uncertain param drawn from its
 * range, runs spread over Web Workers, with progress and a cancel button.
 */
import { useRef, useState } from 'react';
import { HEADLINE_CHARTS } from '../charts/chart-list.js';
import type { ScenarioState } from '../scenario/scenario-state.js';
import { CANCELLED, type FanResult, type ModelClient } from '../worker/client.js';
import { monthSeconds } from './time-axis.js';
import { TimeChart } from './time-chart.js';

const FAN_CHARTS = ['unemployment', 'gdp', 'equity', 'houses', 'delinquency', 'deficit'];

/** Props of {@link FanView}. */
export interface FanViewProps {
  client: ModelClient;
  state: ScenarioState;
}

/** The fan chart view. */
export function FanView({ client, state }: FanViewProps) {
  const [runs, setRuns] = useState(200);
  const [progress, setProgress] = useState<{ done: number; runs: number } | null>(null);
  const [fan, setFan] = useState<FanResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const cancel = useRef<(() => void) | null>(null);
  const charts = HEADLINE_CHARTS.filter((c) => FAN_CHARTS.includes(c.id));

  const start = () => {
    setFan(null);
    setMessage(null);
    setProgress({ done: 0, runs });
    const workers = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
    const names = charts.map((c) => c.series[0].name);
    const job = client.monteCarlo({ state, names, runs, seed: 1, workers }, (done, total) =>
      setProgress({ done, runs: total }),
    );
    cancel.current = job.cancel;
    job.result
      .then(
        (result) => setFan(result),
        (err: Error) => setMessage(err.message === CANCELLED ? 'cancelled' : `the Monte Carlo failed: ${err.message}`),
      )
      .finally(() => {
        cancel.current = null;
        setProgress(null);
      });
  };

  const x = fan ? monthSeconds(fan.time) : [];
  return (
    <section data-testid="fan" aria-label="Monte Carlo fan charts">
      <h2>Monte Carlo fan charts</h2>
      <p>
        Every param with a range is drawn from its distribution (seed 1); the bands are the 5–95 and 25–75 percentiles,
        the line the median.
      </p>
      <div className="row">
        <label>
          runs{' '}
          <select value={runs} onChange={(e) => setRuns(Number(e.target.value))} data-testid="fan-runs">
            {[50, 100, 200, 500, 1000].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="fan-start" onClick={start} disabled={progress !== null}>
          Run Monte Carlo
        </button>
        <button type="button" data-testid="fan-cancel" onClick={() => cancel.current?.()} disabled={progress === null}>
          Cancel
        </button>
        {progress && (
          <progress data-testid="fan-progress" max={progress.runs} value={progress.done}>
            {progress.done} / {progress.runs}
          </progress>
        )}
        {progress && (
          <span>
            {progress.done} / {progress.runs} runs
          </span>
        )}
        {message && (
          <span className="notice" data-testid="fan-message">
            {message}
          </span>
        )}
      </div>
      {fan && (
        <div className="chart-grid" data-testid="fan-charts">
          {charts.map((chart) => {
            const p = fan.percentiles[chart.series[0].name];
            if (!p) return null;
            return (
              <TimeChart
                key={chart.id}
                title={`${chart.series[0].label === chart.title ? chart.title : `${chart.title}: ${chart.series[0].label}`} (${fan.runs} runs)`}
                x={x}
                unit={chart.unit}
                scale={chart.scale}
                bands={[
                  { lower: p.p5, upper: p.p95, label: '5–95 %' },
                  { lower: p.p25, upper: p.p75, label: '25–75 %' },
                ]}
                legend={false}
                lines={[{ label: 'median', values: p.p50.map((v) => v ?? Number.NaN) }]}
              />
            );
          })}
        </div>
      )}
    </section>
  );
}
