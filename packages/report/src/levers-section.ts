/**
 * "Policy levers and their fiscal cost": the model's policy params (and any
 * param a scenario trigger sets) in this run and in the comparison, the
 * triggers that move them, and the cumulative deficit over the fiscal window
 * against the comparison (and, for policy-response, the summary's cost
 * against citrini-2028).
 */
import type { ScenarioRun } from '@endgame/model';
import { cumulativeDeficit, FISCAL_COST_WINDOW } from '@endgame/model';
import { courseText } from './assumptions-section.js';
import { type Block, code, heading, paragraph } from './blocks.js';
import { significant, whole } from './format.js';
import { paramCourse, userParams } from './run-params.js';

/**
 * The AI-endgame model's policy levers (MODEL.md §6, the `optimize --lever`
 * examples): UBI, the AI tax, and how hard and how fast the Fed cuts.
 */
export const POLICY_LEVERS: readonly string[] = [
  'ubi_amount',
  'ubi_phase_in',
  'ai_tax_rate',
  'policy_aggressiveness',
  'emergency_cut',
];

/** The lever params of `run`'s model: {@link POLICY_LEVERS} it has, then any param a trigger sets. */
export function leverNames(run: ScenarioRun): string[] {
  const params = new Set(userParams(run).map((s) => s.name));
  const names = POLICY_LEVERS.filter((n) => params.has(n));
  for (const trigger of run.scenario.triggers) {
    for (const name of Object.keys(trigger.set)) if (params.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

function triggerItems(run: ScenarioRun): string[] {
  return run.scenario.triggers.map((t) => {
    const sets = Object.entries(t.set)
      .map(([name, value]) => `${code(name)} = ${significant(value)}`)
      .join(', ');
    const sustain = t.sustain ? ` for ${significant(t.sustain)} yr` : '';
    return `when ${code(t.when)}${sustain}: set ${sets}${t.latch ? ' (latched: stays set)' : ''}`;
  });
}

function fiscalItems(run: ScenarioRun, compare?: ScenarioRun): string[] {
  const items: string[] = [];
  const window = `${FISCAL_COST_WINDOW.from} to ${FISCAL_COST_WINDOW.to}`;
  const here = cumulativeDeficit(run.view);
  if (here === undefined) return ['This model has no `gov_deficit` series, so no fiscal cost.'];
  items.push(`cumulative government deficit ${window}: ${whole(here)} USD bn`);
  const there = compare ? cumulativeDeficit(compare.view) : undefined;
  if (compare && there !== undefined) {
    items.push(
      `fiscal cost against ${compare.name} (difference of cumulative deficits): ${whole(here - there)} USD bn`,
    );
  }
  const cost = run.summary.fiscal_cost_usd_bn;
  if (cost !== undefined && cost !== null && run.reference && run.reference.name !== compare?.name) {
    items.push(`fiscal cost against ${run.reference.name} (the preset's reference): ${whole(cost)} USD bn`);
  }
  return items;
}

/** The "Policy levers and fiscal cost" section. */
export function leversSection(run: ScenarioRun, compare?: ScenarioRun): Block[] {
  const blocks: Block[] = [heading(2, 'Policy levers and fiscal cost')];
  const names = leverNames(run);
  if (names.length === 0) {
    blocks.push(paragraph('This model has none of the policy levers (UBI, AI tax, Fed response).'));
  } else {
    const slots = new Map(userParams(run).map((s) => [s.name, s]));
    const headers = ['lever', 'this run', ...(compare ? [compare.name] : []), 'unit', 'what'];
    const rows = names.map((name) => [
      code(name),
      courseText(paramCourse(run.view, name)),
      ...(compare ? [courseText(paramCourse(compare.view, name))] : []),
      slots.get(name)?.unit ?? '',
      slots.get(name)?.doc ?? '',
    ]);
    blocks.push({
      kind: 'table',
      headers,
      rows,
      align: headers.map((_, i) => (i === 0 || i > (compare ? 2 : 1) ? 'left' : 'right')),
    });
  }
  const triggers = triggerItems(run);
  blocks.push(
    triggers.length > 0
      ? paragraph('Triggers of this scenario (checked every month; an arrow above shows when one fired):')
      : paragraph('This scenario has no policy triggers.'),
  );
  if (triggers.length > 0) blocks.push({ kind: 'list', items: triggers });
  blocks.push(paragraph('Fiscal cost:'), { kind: 'list', items: fiscalItems(run, compare) });
  return blocks;
}
