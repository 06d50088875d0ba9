/**
 * The headline paragraph: a few sentences generated from the run's summary
 * and chain trace (and the comparison run's summary), with no canned text
 * that could disagree with the numbers. Every number in it is a value of the
 * runs' JSON (`endgame run --format json`) after the rounding of format.ts:
 * rates and falls as percentages with 2 decimals, USD bn as whole numbers,
 * months as `YYYY-MM`, lags in whole months.
 */
import type { ChainLinkResult, ScenarioRun } from '@endgame/model';
import { FISCAL_COST_WINDOW } from '@endgame/model';
import { fall, percent, whole } from './format.js';

/** Falls smaller than this (as a fraction) are "no fall": they would read 0.00 %. */
const NO_FALL = 0.00005;

function unemploymentSentence(run: ScenarioRun, compare?: ScenarioRun): string | undefined {
  const s = run.summary;
  if (s.unemployment_peak === null || s.unemployment_t0 === null) return undefined;
  let text = `In ${run.name}, unemployment starts at ${percent(s.unemployment_t0)} in ${run.view.start} and peaks at ${percent(s.unemployment_peak)} in ${s.unemployment_peak_date}`;
  const c = compare?.summary;
  if (compare && c?.unemployment_peak !== null && c?.unemployment_peak !== undefined) {
    text += ` (${compare.name}: peak ${percent(c.unemployment_peak)} in ${c.unemployment_peak_date})`;
  }
  return `${text}.`;
}

function fallClause(what: string, value: number | null, trough: string | null): string | undefined {
  if (value === null) return undefined;
  if (value > -NO_FALL) return `${what} never falls below an earlier peak`;
  return `${what} falls at most ${fall(value)} from its peak${trough ? ` (trough ${trough})` : ''}`;
}

function marketsSentence(run: ScenarioRun): string | undefined {
  const s = run.summary;
  const clauses = [
    fallClause('Real GDP', s.gdp_real_max_drawdown, s.gdp_real_trough_date),
    fallClause('the equity index', s.equity_max_drawdown, s.equity_trough_date),
  ].filter((c): c is string => c !== undefined);
  if (clauses.length === 0) return undefined;
  let text = clauses.join(' and ');
  if (s.gdp_real_max_drawdown !== null) {
    text += s.recession_start
      ? `; a recession (two falling quarters of real GDP) starts in ${s.recession_start}`
      : '; there is no recession (two falling quarters of real GDP)';
  }
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function linkName(link: ChainLinkResult): string {
  return `${link.id} (${link.label})`;
}

function chainSentence(run: ScenarioRun): string | undefined {
  if (run.chain.length === 0) return undefined;
  const fired = run.chain
    .filter((l) => l.onset !== null && l.lag_months !== null)
    .sort((a, b) => (a.lag_months as number) - (b.lag_months as number));
  if (fired.length === 0) return 'None of the recession chain links fires.';
  const first = fired[0];
  const last = fired[fired.length - 1];
  if (fired.length === 1) return `Only one chain link fires: ${linkName(first)} in ${first.onset}.`;
  const count = fired.length === run.chain.length ? `All ${run.summary.links_fired}` : `${run.summary.links_fired}`;
  return `${count} chain links fire: the first ${linkName(first)} in ${first.onset}, the last ${linkName(last)} in ${last.onset}, ${last.lag_months} months later.`;
}

function policySentence(run: ScenarioRun): string | undefined {
  const s = run.summary;
  const reference = run.reference?.name;
  if (s.chain_broken_after === undefined || !reference) return undefined;
  const broken =
    s.chain_broken_after === null
      ? `Policy does not cut the chain short of ${reference}`
      : `Policy breaks the chain after ${s.chain_broken_after}`;
  if (s.fiscal_cost_usd_bn === null || s.fiscal_cost_usd_bn === undefined) return `${broken}.`;
  return `${broken}, at a cumulative fiscal cost of ${whole(s.fiscal_cost_usd_bn)} USD bn from ${FISCAL_COST_WINDOW.from} to ${FISCAL_COST_WINDOW.to} compared with ${reference}.`;
}

/** The headline paragraph of `run` (compared with `compare` when given); empty when the run has none of the headline series. */
export function headlineParagraph(run: ScenarioRun, compare?: ScenarioRun): string {
  return [unemploymentSentence(run, compare), marketsSentence(run), chainSentence(run), policySentence(run)]
    .filter((s): s is string => s !== undefined)
    .join(' ');
}
