/**
 * The chain trace as a timeline: one row per link of MODEL.md §9; a link
 * lights up from its onset month, labelled with its lag from the first onset.
 */
import type { ChainLinkResult } from '@endgame/model';
import { memo, type ReactNode } from 'react';

/** Props of {@link ChainTimeline}. */
export interface ChainTimelineProps {
  chain: ChainLinkResult[];
  time: string[];
  /** Also list each link's indicator, peak and values at onset (the chain view). */
  details?: boolean;
  /** Rows drawn under the links on the same time axis (the chain view's Minsky strip). */
  beneath?: ReactNode;
}

function num(v: number | null): string {
  return v === null ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3);
}

/** The chain timeline. */
export const ChainTimeline = memo(function ChainTimeline({ chain, time, details, beneath }: ChainTimelineProps) {
  const months = time.length;
  const years = time.filter((m) => m.endsWith('-01')).filter((_, i) => i % 2 === 0);
  const fired = chain.filter((l) => l.onset !== null).length;
  return (
    <section className="chain" data-testid="chain" aria-label="Chain trace">
      <h2>
        Chain trace{' '}
        <span className="unit">
          {fired} of {chain.length} links fired
        </span>
      </h2>
      <div className="chain-axis" aria-hidden="true">
        {years.map((m) => (
          <span key={m} style={{ left: `${(time.indexOf(m) / months) * 100}%` }}>
            {m.slice(0, 4)}
          </span>
        ))}
      </div>
      <ol className="chain-rows">
        {chain.map((link) => {
          const at = link.onset ? time.indexOf(link.onset) : -1;
          return (
            <li
              key={link.id}
              className={link.onset ? 'lit' : 'dark'}
              data-testid={`chain-${link.id}`}
              data-onset={link.onset ?? ''}
            >
              <span className="chain-label">
                {link.id} {link.label}
              </span>
              <span className="chain-track">
                {at >= 0 && (
                  <span className="chain-bar" style={{ left: `${(at / months) * 100}%` }}>
                    {link.onset} · +{link.lag_months} mo
                  </span>
                )}
                {link.missing && link.missing.length > 0 && (
                  <span className="notice small">needs {link.missing.join(', ')}</span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {beneath}
      {details && (
        <div className="table-wrap">
          <table data-testid="chain-details">
            <thead>
              <tr>
                <th>link</th>
                <th>onset</th>
                <th>lag (months)</th>
                <th>indicator</th>
                <th>measure at onset</th>
                <th>baseline then</th>
                <th>peak (month)</th>
              </tr>
            </thead>
            <tbody>
              {chain.map((link) => (
                <tr key={link.id}>
                  <td>
                    {link.id} {link.label}
                  </td>
                  <td>{link.onset ?? 'not fired'}</td>
                  <td>{link.lag_months ?? '—'}</td>
                  <td>
                    <code>{link.indicator ?? '—'}</code>
                  </td>
                  <td>{num(link.value_at_onset)}</td>
                  <td>{num(link.baseline_value_at_onset)}</td>
                  <td>
                    {num(link.peak)}
                    {link.peak_date ? ` (${link.peak_date})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
