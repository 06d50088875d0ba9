/**
 * Snapshot regression (MODEL.md §10, tier 3): the headline series of every preset at every 6th month
 * (2026-01, 2026-07, …), rounded to 6 significant digits, and each preset's chain onsets, one
 * pretty-printed JSON file per preset in __snapshots__/.
 *
 * The snapshots are updated ONLY ON PURPOSE, after a deliberate change of the model or a preset:
 * run `npx vitest run packages/model -u`, read the diff of __snapshots__/*.json, and say in the
 * commit message why the numbers moved. An unexplained diff here is a regression.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monthOf, runScenario } from '../src/index.js';

const HEADLINE = [
  'unemployment_rate',
  'gdp_real',
  'equity_index',
  'house_price_index',
  'mortgage_delinquency_rate',
  'policy_rate',
  'labor_share',
  'gov_deficit',
  'private_credit_default_rate',
  'consumption_real',
] as const;
const STEP = 6;
const PRESETS = readdirSync('packages/model/presets')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

/** A number rounded to 6 significant digits (0 stays 0; -0 becomes 0). */
const sig6 = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(6)));

describe.each(PRESETS)('snapshot of preset %s', (preset) => {
  it('headline series every 6th month and chain onsets match the stored snapshot', async () => {
    const run = runScenario(preset);
    const r = run.result;
    const months: string[] = [];
    const periods: number[] = [];
    for (let p = 1; p <= r.periods; p += STEP) {
      periods.push(p);
      months.push(monthOf(run.view, p));
    }
    const series: Record<string, number[]> = {};
    for (const name of HEADLINE) {
      const values = r.series(name);
      series[name] = periods.map((p) => {
        expect(Number.isFinite(values[p])).toBe(true);
        return sig6(values[p]);
      });
    }
    const chain = Object.fromEntries(run.chain.map((l) => [l.id, l.onset]));
    const snapshot = { preset, months, series, chain };
    await expect(`${JSON.stringify(snapshot, null, 2)}\n`).toMatchFileSnapshot(`__snapshots__/${preset}.json`);
  });
});
