/** The chain trace table (MODEL.md §9): each link's onset, lag, peak, and the comparison run's onset. */
import type { ChainLinkResult, ScenarioRun } from '@endgame/model';
import { type Block, heading, paragraph } from './blocks.js';
import { significant } from './format.js';

/** The "Chain trace" section of `run`, with `compare`'s onsets beside when given. */
export function chainSection(run: ScenarioRun, compare?: ScenarioRun): Block[] {
  if (run.chain.length === 0) {
    return [
      heading(2, 'Chain trace'),
      paragraph('This model has no recession chain (it is not the AI-endgame model).'),
    ];
  }
  const other = new Map<string, ChainLinkResult>((compare?.chain ?? []).map((l) => [l.id, l]));
  const headers = ['link', 'what', 'onset', 'lag (months)', 'peak', 'peak month', 'indicator'];
  if (compare) headers.push(`onset in ${compare.name}`);
  const rows = run.chain.map((link) => {
    const row = [
      link.id,
      link.label,
      link.onset ?? '—',
      link.lag_months === null ? '—' : String(link.lag_months),
      significant(link.peak),
      link.peak_date ?? '',
      link.missing ? `missing: ${link.missing.join(', ')}` : (link.indicator ?? ''),
    ];
    if (compare) row.push(other.get(link.id)?.onset ?? '—');
    return row;
  });
  const align = headers.map((_, i) => (i === 3 || i === 4 ? ('right' as const) : ('left' as const)));
  return [
    heading(2, 'Chain trace'),
    paragraph(
      'Onset is the first month of the first 3-month run meeting the link’s rule; the lag counts months from the earliest onset of any link; peak is the extreme of the rule’s measure over the run (a fall from peak, a ratio to t0, …).',
    ),
    { kind: 'table', headers, rows, align },
  ];
}
