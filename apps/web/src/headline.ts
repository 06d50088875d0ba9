/**
 * The one-line headline of a run (shared by the page and `npm start`):
 * unemployment peak, real GDP and equity falls, recession, links fired.
 */
import type { RunSummary } from '@endgame/model';

const pct = (v: number | null): string => (v === null ? 'n/a' : `${(v * 100).toFixed(1)} %`);

/** E.g. `unemployment peak 5.1 % (2031-03) · real GDP max drawdown 0.0 % · equity max drawdown -3.8 % · no recession · 1/13 links`. */
export function headlineOf(summary: RunSummary, links = 13): string {
  const peak = `unemployment peak ${pct(summary.unemployment_peak)}${summary.unemployment_peak_date ? ` (${summary.unemployment_peak_date})` : ''}`;
  const recession = summary.recession_start ? `recession from ${summary.recession_start}` : 'no recession';
  return [
    peak,
    `real GDP max drawdown ${pct(summary.gdp_real_max_drawdown)}`,
    `equity max drawdown ${pct(summary.equity_max_drawdown)}`,
    recession,
    `${summary.links_fired}/${links} chain links fired`,
  ].join(' · ');
}
