/**
 * The Minsky classification table (MODEL.md §7): for every `minsky_<sector>`
 * series the run has (0 hedge, 1 speculative, 2 Ponzi), the class at the
 * start and end, the months spent in each class, and the first Ponzi month.
 */
import { monthOf, type ScenarioRun } from '@endgame/model';
import { type Block, code, heading, paragraph } from './blocks.js';

/** Prefix of the Minsky class series. */
export const MINSKY_PREFIX = 'minsky_';

/** Class names by code. */
export const MINSKY_CLASSES: readonly string[] = ['hedge', 'speculative', 'Ponzi'];

function className(value: number): string {
  return MINSKY_CLASSES[Math.round(value)] ?? String(value);
}

/** One sector's row. */
export interface MinskyRow {
  sector: string;
  start: string;
  end: string;
  /** Months in each class (hedge, speculative, Ponzi). */
  months: [number, number, number];
  firstPonzi: string | null;
}

/** The Minsky rows of `run`, one per `minsky_*` series, in slot order. */
export function minskyRows(run: ScenarioRun): MinskyRow[] {
  const rows: MinskyRow[] = [];
  for (const name of run.seriesNames) {
    if (!name.startsWith(MINSKY_PREFIX)) continue;
    const values = run.view.get(name);
    if (!values || run.view.months < 1) continue;
    const months: [number, number, number] = [0, 0, 0];
    let firstPonzi: string | null = null;
    for (let m = 1; m <= run.view.months; m++) {
      const c = Math.round(values[m]);
      if (c >= 0 && c <= 2) months[c]++;
      if (c === 2 && firstPonzi === null) firstPonzi = monthOf(run.view, m);
    }
    rows.push({
      sector: name.slice(MINSKY_PREFIX.length),
      start: className(values[1]),
      end: className(values[run.view.months]),
      months,
      firstPonzi,
    });
  }
  return rows;
}

/** The "Minsky classification" section; says so when the model has no Minsky series yet. */
export function minskySection(run: ScenarioRun): Block[] {
  const title = heading(2, 'Minsky classification');
  const rows = minskyRows(run);
  if (rows.length === 0) {
    return [
      title,
      paragraph(`The model has no Minsky series yet (no \`${MINSKY_PREFIX}<sector>\` series in this run).`),
    ];
  }
  return [
    title,
    paragraph(
      'Each borrowing sector month by month: hedge (income covers interest and principal), speculative (interest only), Ponzi (neither).',
    ),
    {
      kind: 'table',
      headers: [
        'sector',
        'first month',
        'last month',
        'months hedge',
        'months speculative',
        'months Ponzi',
        'first Ponzi month',
      ],
      rows: rows.map((r) => [code(r.sector), r.start, r.end, ...r.months.map(String), r.firstPonzi ?? '—']),
      align: ['left', 'left', 'left', 'right', 'right', 'right', 'left'],
    },
  ];
}
