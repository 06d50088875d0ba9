import { presetNames, runScenario, type ScenarioRun } from '@endgame/model';
import { headlineParagraph } from '@endgame/report';
import { describe, expect, it } from 'vitest';
import { runJson } from '../src/run-output.js';

/*
 * Every number in a report's headline paragraph must be a value of the runs' JSON
 * (`endgame run --format json` of the scenario and of the comparison), at the rounding
 * the paragraph shows: a percentage is a value × 100 to the shown decimals, a month is a
 * string of the JSON, any other number a value to the shown decimals (thousands
 * separators dropped). Signs are dropped: the text says "falls 3.48 %" for -0.0348.
 */

/** Every number and string anywhere in `value`. */
function leaves(value: unknown, numbers: number[], strings: Set<string>): void {
  if (typeof value === 'number') numbers.push(value);
  else if (typeof value === 'string') strings.add(value);
  else if (Array.isArray(value)) for (const v of value) leaves(v, numbers, strings);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, numbers, strings);
}

/** The numbers a paragraph states: months, percentages, and plain numbers (not inside names like L13). */
function statedNumbers(text: string): { months: string[]; percents: string[]; plain: string[] } {
  const months = [...text.matchAll(/\b\d{4}-\d{2}\b/g)].map((m) => m[0]);
  let rest = text.replace(/\b\d{4}-\d{2}\b/g, ' ');
  const percents = [...rest.matchAll(/(\d+(?:\.\d+)?) %/g)].map((m) => m[1]);
  rest = rest.replace(/(\d+(?:\.\d+)?) %/g, ' ');
  const plain = [...rest.matchAll(/(?<![A-Za-z0-9_.])\d[\d,]*(?:\.\d+)?(?![A-Za-z0-9_])/g)].map((m) => m[0]);
  return { months, percents, plain };
}

function decimals(token: string): number {
  return token.includes('.') ? token.split('.')[1].length : 0;
}

/** Whether some JSON number shows as `token` (× `scale`, to the token's decimals, sign dropped). */
function shown(token: string, numbers: readonly number[], scale: number): boolean {
  const clean = token.replaceAll(',', '');
  return numbers.some((v) => Number.isFinite(v) && (Math.abs(v) * scale).toFixed(decimals(clean)) === clean);
}

function checkParagraph(run: ScenarioRun, compare: ScenarioRun): number {
  const paragraph = headlineParagraph(run, compare);
  const numbers: number[] = [];
  const strings = new Set<string>();
  leaves(runJson(run), numbers, strings);
  leaves(runJson(compare), numbers, strings);
  const stated = statedNumbers(paragraph);
  for (const month of stated.months) expect(strings.has(month), `${month} in: ${paragraph}`).toBe(true);
  for (const p of stated.percents) expect(shown(p, numbers, 100), `${p} % in: ${paragraph}`).toBe(true);
  for (const n of stated.plain) expect(shown(n, numbers, 1), `${n} in: ${paragraph}`).toBe(true);
  return stated.months.length + stated.percents.length + stated.plain.length;
}

describe('the headline paragraph of every preset', () => {
  const baseline = runScenario('baseline');
  it.each(presetNames())('%s: every number in it is in the runs’ JSON', (name) => {
    const run = name === 'baseline' ? baseline : runScenario(name);
    const count = checkParagraph(run, baseline);
    expect(count).toBeGreaterThanOrEqual(8);
  });

  it('states the numbers of citrini-2028 that the summary holds', () => {
    const run = runScenario('citrini-2028');
    const text = headlineParagraph(run, baseline);
    const s = run.summary;
    expect(text).toContain(
      `peaks at ${(Number(s.unemployment_peak) * 100).toFixed(2)} % in ${s.unemployment_peak_date}`,
    );
    expect(text).toContain(`a recession (two falling quarters of real GDP) starts in ${s.recession_start}`);
  });

  it('policy-response: states where policy breaks the chain and the fiscal cost against citrini-2028', () => {
    const run = runScenario('policy-response');
    const text = headlineParagraph(run, baseline);
    const cost = Math.round(Number(run.summary.fiscal_cost_usd_bn)).toLocaleString('en-US');
    expect(text).toContain(`Policy breaks the chain after ${run.summary.chain_broken_after}`);
    expect(text).toContain(`fiscal cost of ${cost} USD bn`);
  });

  it('the checker itself rejects a number the JSON does not hold', () => {
    expect(shown('23.02', [0.23012], 100)).toBe(false);
    expect(shown('23.01', [0.23012], 100)).toBe(true);
    expect(shown('1,921', [-1921.4], 1)).toBe(true);
    expect(statedNumbers('L13 (x) in 2027-04, 28 months, 4.45 %')).toEqual({
      months: ['2027-04'],
      percents: ['4.45'],
      plain: ['28'],
    });
  });
});
