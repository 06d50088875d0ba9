import { describe, expect, it } from 'vitest';
import { minskyRows, minskySection } from '../src/minsky-section.js';
import { renderMarkdown } from '../src/render-markdown.js';
import { fakeRun, presetRun } from './fixtures.js';

describe('Minsky classification', () => {
  it('counts the months of each class per sector and finds the first Ponzi month', () => {
    // Period 0 is ignored; months 2026-01..2026-06.
    const run = fakeRun('fixture', '2026-01', {
      minsky_hyperscalers: [0, 0, 0, 1, 1, 2, 2],
      minsky_firms: [2, 0, 0, 0, 0, 0, 1],
      unemployment_rate: [0.04, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09],
    });
    expect(minskyRows(run)).toEqual([
      { sector: 'hyperscalers', start: 'hedge', end: 'Ponzi', months: [2, 2, 2], firstPonzi: '2026-05' },
      { sector: 'firms', start: 'hedge', end: 'speculative', months: [5, 1, 0], firstPonzi: null },
    ]);
    const text = renderMarkdown(minskySection(run));
    expect(text).toContain('| `hyperscalers` | hedge | Ponzi | 2 | 2 | 2 | 2026-05 |');
    expect(text).toContain('| `firms` | hedge | speculative | 5 | 1 | 0 | — |');
  });

  it('says the model has no Minsky series when the run has none', () => {
    const run = fakeRun('fixture', '2026-01', { unemployment_rate: [0.04, 0.04, 0.05] });
    expect(minskyRows(run)).toEqual([]);
    expect(renderMarkdown(minskySection(run))).toContain('The model has no Minsky series yet');
  });

  it('has a row for every sector the AI-endgame model classifies', () => {
    const sectors = minskyRows(presetRun('baseline')).map((row) => row.sector);
    expect(sectors.sort()).toEqual(['ai_apps', 'firms', 'hh_pro', 'hh_top', 'hh_work', 'hyperscalers', 'neoclouds']);
  });
});
