/** Share and export: copy link, CSV of the shown series, PNG of a chart, scenario YAML, pin for compare. */
import { useState } from 'react';
import { HEADLINE_CHARTS } from '../charts/chart-list.js';
import { type ScenarioState, scenarioYaml } from '../scenario/scenario-state.js';
import type { RunReply } from '../worker/protocol.js';
import { chartPng, download, seriesCsv } from './exports.js';
import { flushCharts } from './time-chart.js';

/** Props of {@link ExportBar}. */
export interface ExportBarProps {
  result: RunReply;
  state: ScenarioState;
  names: string[];
  onPin(): void;
}

/** The export bar. */
export function ExportBar({ result, state, names, onPin }: ExportBarProps) {
  const [chart, setChart] = useState(HEADLINE_CHARTS[0].id);
  const [note, setNote] = useState('');
  const base = state.preset;
  return (
    <div className="export-bar" data-testid="export-bar">
      <button
        type="button"
        onClick={() => {
          navigator.clipboard?.writeText(window.location.href).then(
            () => setNote('link copied'),
            () => setNote('copy the address bar to share'),
          );
        }}
      >
        Copy link
      </button>
      <button
        type="button"
        data-testid="export-csv"
        onClick={() => download(`${base}.csv`, new Blob([seriesCsv(result, names)], { type: 'text/csv' }))}
      >
        CSV
      </button>
      <button
        type="button"
        data-testid="export-yaml"
        onClick={() => download(`${base}-scenario.yaml`, new Blob([scenarioYaml(state)], { type: 'text/yaml' }))}
      >
        Scenario YAML
      </button>
      <select aria-label="Chart to export" value={chart} onChange={(e) => setChart(e.target.value)}>
        {HEADLINE_CHARTS.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid="export-png"
        onClick={async () => {
          flushCharts();
          await new Promise((drawn) => requestAnimationFrame(drawn));
          const figure = document.querySelector(`[data-testid="chart-${chart}"]`);
          const png = figure ? await chartPng(figure) : null;
          if (png) download(`${base}-${chart}.png`, png);
          else setNote('open the Charts tab to export a chart');
        }}
      >
        PNG
      </button>
      <button type="button" data-testid="pin" onClick={onPin}>
        Pin for compare
      </button>
      {note && <span className="unit">{note}</span>}
    </div>
  );
}
