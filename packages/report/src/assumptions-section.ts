/**
 * "Assumptions that differ from baseline": every param whose value (after the
 * scenario's `extends:`, `set:`, paths and triggers) differs from the
 * `baseline` preset's, with its unit, doc and source (a calibration key, or
 * an assumption with its plausible range).
 */
import type { SlotInfo } from '@endgame/engine';
import type { ScenarioRun } from '@endgame/model';
import { type Block, code, heading, paragraph } from './blocks.js';
import { significant } from './format.js';
import { type ParamCourse, paramCourse, sameCourse, userParams } from './run-params.js';

/** A course in words: `6`, or `0 → 6 from 2028-02`. */
export function courseText(course: ParamCourse | undefined): string {
  if (!course) return '—';
  const start = significant(course.start, 6);
  return course.change ? `${start} → ${significant(course.change.end, 6)} from ${course.change.month}` : start;
}

/** Where a param's value comes from: its `source:` and, when it has one, its plausible range. */
export function sourceText(slot: SlotInfo): string {
  const source = slot.source ?? 'no source given';
  return slot.range ? `${source}; range ${significant(slot.range[0])} … ${significant(slot.range[1])}` : source;
}

/** One differing param. */
export interface ParamDifference {
  slot: SlotInfo;
  here: ParamCourse;
  baseline: ParamCourse;
}

/** The params whose course in `run` differs from the baseline run's. */
export function differencesFromBaseline(run: ScenarioRun): ParamDifference[] {
  const baseline = run.baseline;
  if (!baseline) return [];
  const out: ParamDifference[] = [];
  for (const slot of userParams(run)) {
    const here = paramCourse(run.view, slot.name);
    const there = paramCourse(baseline, slot.name);
    if (here && there && !sameCourse(here, there)) out.push({ slot, here, baseline: there });
  }
  return out;
}

/** The "Assumptions that differ from baseline" section. */
export function assumptionsSection(run: ScenarioRun): Block[] {
  const title = heading(2, 'Assumptions that differ from baseline');
  if (!run.baseline) return [title, paragraph('This run has no `baseline` preset to compare with (a model file).')];
  if (run.name === 'baseline') return [title, paragraph('None: this is the baseline.')];
  const diffs = differencesFromBaseline(run);
  if (diffs.length === 0) return [title, paragraph('None: every param has its baseline value.')];
  const rows = diffs.map((d) => [
    code(d.slot.name),
    courseText(d.here),
    courseText(d.baseline),
    d.slot.unit ?? '',
    d.slot.doc ?? '',
    sourceText(d.slot),
  ]);
  return [
    title,
    paragraph(
      `${diffs.length} params differ (values in the first month; an arrow shows a path or trigger changing it later).`,
    ),
    {
      kind: 'table',
      headers: ['param', 'value', 'baseline', 'unit', 'what', 'source'],
      rows,
      align: ['left', 'right', 'right', 'left', 'left', 'left'],
    },
  ];
}
