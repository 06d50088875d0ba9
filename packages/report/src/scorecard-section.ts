/** The scorecard against the Citrini memo's targets (presets that have targets: citrini-2028, citrini-tail). */
import type { ScenarioRun, ScorecardEntry, TargetValue } from '@endgame/model';
import { type Block, heading, paragraph } from './blocks.js';
import { significant } from './format.js';

function valueText(value: TargetValue): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return significant(value);
  if (Array.isArray(value)) return value.map((v) => significant(v)).join(', ');
  return String(value);
}

function bandText(band: ScorecardEntry['band']): string {
  if (band === null) return 'reported only';
  return `${valueText(band[0])} … ${valueText(band[1])}`;
}

function verdict(entry: ScorecardEntry): string {
  if (entry.missing) return `missing: ${entry.missing.join(', ')}`;
  if (entry.inside === null) return 'reported';
  return entry.inside ? 'inside' : 'outside';
}

/** The "Scorecard" section: empty when the run's preset has no targets. */
export function scorecardSection(run: ScenarioRun): Block[] {
  if (run.scorecard.length === 0) return [];
  const inside = run.scorecard.filter((e) => e.inside === true).length;
  const scored = run.scorecard.filter((e) => e.inside !== null).length;
  const rows = run.scorecard.map((e) => [
    e.id,
    e.what,
    valueText(e.value),
    bandText(e.band),
    e.gap === null ? '' : significant(e.gap),
    verdict(e),
    e.explanation ?? '',
  ]);
  return [
    heading(2, 'Scorecard'),
    paragraph(
      `${inside} of ${scored} scored targets of the Citrini memo lie inside their band. The gap is the signed distance to the nearest band edge (months for dates).`,
    ),
    {
      kind: 'table',
      headers: ['target', 'what', 'value', 'band', 'gap', 'verdict', 'why, when outside'],
      rows,
      align: ['left', 'left', 'right', 'left', 'right', 'left', 'left'],
    },
  ];
}
