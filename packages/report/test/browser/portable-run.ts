/**
 * A finished run as plain JSON, so a test can hand it to a page and rebuild
 * there what `buildReport` reads of a `ScenarioRun`: its name, scenario,
 * chain, scorecard and summary, the compiled model's slots and source, the
 * accounting, and the series of its params and charts (with the baseline's).
 */
import type { ScenarioRun } from '@endgame/model';
import { HEADLINE_CHARTS } from '../../src/chart-specs.js';

/** What crosses into the page. */
export interface PortableRun {
  name: string;
  description: string;
  scenario: ScenarioRun['scenario'];
  time: string[];
  start: string;
  seriesNames: string[];
  series: Record<string, number[]>;
  baseline?: Record<string, number[]>;
  reference?: { name: string };
  compiled: { name: string; source: string; slots: ScenarioRun['compiled']['slots'] };
  accounting: ScenarioRun['result']['accounting'];
  chain: ScenarioRun['chain'];
  scorecard: ScenarioRun['scorecard'];
  summary: ScenarioRun['summary'];
}

/** The series a report reads: params, charted series, Minsky classes and the deficit. */
function needed(run: ScenarioRun): string[] {
  const params = run.compiled.slots.filter((s) => s.kind === 'param').map((s) => s.name);
  const charts = HEADLINE_CHARTS.map((c) => c.series);
  const other = run.seriesNames.filter((n) => n.startsWith('minsky_') || n === 'gov_deficit');
  return [...new Set([...params, ...charts, ...other])];
}

function seriesOf(view: ScenarioRun['view'], names: readonly string[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const name of names) {
    const values = view.get(name);
    if (values) out[name] = Array.from(values);
  }
  return out;
}

/** `run` as plain JSON. */
export function portableRun(run: ScenarioRun): PortableRun {
  const names = needed(run);
  return {
    name: run.name,
    description: run.description,
    scenario: run.scenario,
    time: run.time,
    start: run.view.start,
    seriesNames: run.seriesNames,
    series: seriesOf(run.view, names),
    ...(run.baseline ? { baseline: seriesOf(run.baseline, names) } : {}),
    ...(run.reference ? { reference: { name: run.reference.name } } : {}),
    compiled: { name: run.compiled.name, source: run.compiled.source, slots: run.compiled.slots },
    accounting: run.result.accounting,
    chain: run.chain,
    scorecard: run.scorecard,
    summary: run.summary,
  };
}
