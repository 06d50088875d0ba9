/**
 * The equation inspector: search any variable or param by name or doc; see
 * its equation, unit, doc, calibration source and values.
 */
import { useMemo, useState } from 'react';
import type { SlotMeta } from '../levers/lever-meta.js';
import type { RunReply } from '../worker/protocol.js';
import { searchSlots } from './search-slots.js';
import { TimeChart } from './time-chart.js';

/** Props of {@link Inspector}. */
export interface InspectorProps {
  slots: SlotMeta[];
  result: RunReply;
  x: number[];
  selected: string | null;
  onSelect(name: string): void;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(3) : v.toPrecision(4);
}

/** The inspector. */
export function Inspector({ slots, result, x, selected, onSelect }: InspectorProps) {
  const [query, setQuery] = useState(selected ?? '');
  const hits = useMemo(() => searchSlots(slots, query), [slots, query]);
  const slot = slots.find((s) => s.name === selected);
  const values = selected ? result.series[selected] : undefined;
  const yearly = values ? result.time.map((m, i) => [m, i] as const).filter(([m]) => m.endsWith('-01')) : [];
  return (
    <section className="inspector" data-testid="inspector" aria-label="Equation inspector">
      <h2>Equation inspector</h2>
      <input
        type="search"
        data-testid="inspector-search"
        placeholder="search a variable or param (name or meaning)"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label="Search variables"
      />
      <ul className="hits" data-testid="inspector-hits">
        {hits.map((s) => (
          <li key={s.name}>
            <button type="button" className={s.name === selected ? 'selected' : ''} onClick={() => onSelect(s.name)}>
              <code>{s.name}</code> <span className="unit">{s.doc}</span>
            </button>
          </li>
        ))}
        {query.trim() !== '' && hits.length === 0 && <li className="notice">no variable matches “{query}”</li>}
      </ul>
      {slot && (
        <div className="slot" data-testid="inspector-detail">
          <h3>
            <code>{slot.name}</code>{' '}
            <span className="unit">
              {slot.kind}
              {slot.role ? `, ${slot.role}` : ''}
            </span>
          </h3>
          <dl>
            {slot.equation && (
              <>
                <dt>equation</dt>
                <dd>
                  <code data-testid="inspector-equation">{slot.equation}</code>
                </dd>
              </>
            )}
            {slot.kind === 'param' && (
              <>
                <dt>value in the model file</dt>
                <dd>
                  {slot.value ?? '—'}
                  {slot.range ? ` (range ${slot.range[0]} to ${slot.range[1]})` : ''}
                </dd>
              </>
            )}
            <dt>unit</dt>
            <dd>{slot.unit ?? '—'}</dd>
            <dt>meaning</dt>
            <dd>{slot.doc ?? '—'}</dd>
            <dt>source</dt>
            <dd>{slot.source ?? '—'}</dd>
          </dl>
          {values && (
            <>
              <TimeChart
                title={slot.name}
                x={x}
                unit={slot.unit ?? '1'}
                lines={[{ label: slot.name, values, ghost: result.baseline[slot.name] }]}
              />
              <div className="table-wrap">
                <table className="values">
                  <tbody>
                    <tr>
                      {yearly.map(([m]) => (
                        <th key={m}>{m.slice(0, 4)}</th>
                      ))}
                    </tr>
                    <tr>
                      {yearly.map(([m, i]) => (
                        <td key={m}>{fmt(values[i])}</td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
