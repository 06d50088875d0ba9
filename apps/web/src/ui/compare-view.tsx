/**
 * Compare: the current scenario (A) against a preset or a pinned scenario (B),
 * overlaid on the headline charts, with a table of the summaries' differences.
 */
import type { RunSummary } from '@endgame/model';
import type { RunReply } from '../worker/protocol.js';
import { ChartGrid } from './chart-grid.js';

const ROWS: { key: keyof RunSummary; label: string; pct: boolean }[] = [
  { key: 'unemployment_peak', label: 'unemployment peak', pct: true },
  { key: 'unemployment_peak_date', label: 'unemployment peak month', pct: false },
  { key: 'gdp_real_max_drawdown', label: 'real GDP max drawdown', pct: true },
  { key: 'equity_max_drawdown', label: 'equity max drawdown', pct: true },
  { key: 'house_price_max_drawdown', label: 'house price max drawdown', pct: true },
  { key: 'mortgage_delinquency_peak', label: 'mortgage delinquency peak', pct: true },
  { key: 'policy_rate_min', label: 'policy rate low', pct: true },
  { key: 'recession_start', label: 'recession start', pct: false },
  { key: 'links_fired', label: 'chain links fired', pct: false },
];

function cell(v: unknown, pct: boolean): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'number' && pct ? `${(v * 100).toFixed(2)} %` : String(v);
}

/** Props of {@link CompareView}. */
export interface CompareViewProps {
  a: RunReply;
  b: RunReply | null;
  bLabel: string;
  options: string[];
  onPick(name: string): void;
  x: number[];
}

/** The compare view. */
export function CompareView({ a, b, bLabel, options, onPick, x }: CompareViewProps) {
  return (
    <section data-testid="compare" aria-label="Compare">
      <h2>Compare</h2>
      <label>
        B ={' '}
        <select data-testid="compare-pick" value={bLabel} onChange={(e) => onPick(e.target.value)}>
          {options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </label>
      {b && (
        <>
          <div className="table-wrap">
            <table data-testid="compare-table">
              <thead>
                <tr>
                  <th>measure</th>
                  <th>A (current)</th>
                  <th>B ({bLabel})</th>
                  <th>A − B</th>
                </tr>
              </thead>
              <tbody>
                {ROWS.map((r) => {
                  const va = a.summary[r.key];
                  const vb = b.summary[r.key];
                  const diff = typeof va === 'number' && typeof vb === 'number' ? va - vb : null;
                  return (
                    <tr key={r.key}>
                      <td>{r.label}</td>
                      <td>{cell(va, r.pct)}</td>
                      <td>{cell(vb, r.pct)}</td>
                      <td>{diff === null ? '—' : r.pct ? `${(diff * 100).toFixed(2)} pt` : String(diff)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ChartGrid result={a} x={x} other={{ label: bLabel, result: b }} />
        </>
      )}
    </section>
  );
}
