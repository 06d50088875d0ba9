/**
 * Share and export: copy link, CSV of the shown series, PNG of a chart,
 * scenario YAML, the report (Markdown + SVGs + scenario file as a ZIP, or one
 * HTML page; its code loads on the first click), pin for compare.
 */
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
  /** What the report compares with (the compare view's B); null for none. */
  compare: ScenarioState | null;
  /** True when `compare` is the pinned scenario. */
  comparePinned: boolean;
  onPin(): void;
}

type ReportFormat = 'zip' | 'html';

/** The export bar. */
export function ExportBar({ result, state, names, compare, comparePinned, onPin }: ExportBarProps) {
  const [chart, setChart] = useState(HEADLINE_CHARTS[0].id);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const base = state.preset;
  const exportReport = async (format: ReportFormat) => {
    setBusy(true);
    setNote('building the report…');
    try {
      const { buildScenarioReport, reportZip } = await import('../report/report-export.js');
      const now = new Date();
      const { report, files } = buildScenarioReport({
        state,
        compare,
        pinned: comparePinned,
        runDate: now.toISOString(),
      });
      if (format === 'zip') {
        const zip = reportZip(files, now);
        download(`${report.name}-report.zip`, new Blob([zip], { type: 'application/zip' }));
      } else download(`${report.name}.html`, new Blob([report.html], { type: 'text/html' }));
      setNote('');
    } catch (err) {
      setNote(`the report could not be built: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
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
      <button
        type="button"
        data-testid="export-report"
        disabled={busy}
        title="Markdown note, SVG charts and the scenario file in a ZIP, as `endgame report` writes them"
        onClick={() => exportReport('zip')}
      >
        Report (.zip)
      </button>
      <button
        type="button"
        data-testid="export-report-html"
        disabled={busy}
        title="The same report as one self-contained HTML page"
        onClick={() => exportReport('html')}
      >
        Report (HTML)
      </button>
      <button type="button" data-testid="pin" onClick={onPin}>
        Pin for compare
      </button>
      {note && (
        <span className="unit" data-testid="export-note">
          {note}
        </span>
      )}
    </div>
  );
}
