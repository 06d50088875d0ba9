/** The scorecard of the Citrini presets: each target, the run's value, the band, and why it misses. */
import type { ScorecardEntry } from '@endgame/model';

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Math.abs(value) < 10 ? value.toFixed(3) : value.toFixed(1);
  if (Array.isArray(value)) return value.map(shown).join(' to ');
  return String(value);
}

/** The scorecard table (or a note when the preset has no targets). */
export function ScorecardView({ entries, preset }: { entries: ScorecardEntry[]; preset: string }) {
  if (entries.length === 0) {
    return (
      <p className="notice" data-testid="scorecard">
        The scorecard covers the Citrini presets (citrini-2028, citrini-tail); {preset} has no targets.
      </p>
    );
  }
  const inside = entries.filter((e) => e.inside === true).length;
  return (
    <section data-testid="scorecard">
      <h2>
        Scorecard{' '}
        <span className="unit">
          {inside} of {entries.length} inside their band
        </span>
      </h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>target</th>
              <th>value</th>
              <th>band</th>
              <th>inside</th>
              <th>why it misses</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className={e.inside === false ? 'miss' : e.inside ? 'hit' : ''}>
                <td title={e.series}>{e.what}</td>
                <td>{shown(e.value)}</td>
                <td>{shown(e.band)}</td>
                <td>{e.inside === null ? '—' : e.inside ? 'yes' : 'no'}</td>
                <td>{e.explanation ?? (e.missing ? `needs ${e.missing.join(', ')}` : '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
