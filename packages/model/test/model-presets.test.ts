import { readdirSync, readFileSync } from 'node:fs';
import { compile, instantiate, loadModel } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const compiled = compile(loadModel('packages/model/model/endgame.yaml'));
const roles = new Map(compiled.slots.filter((s) => s.kind === 'param').map((s) => [s.name, s.role]));
const presetDir = 'packages/model/presets';
const presets = readdirSync(presetDir).filter((f) => f.endsWith('.yaml'));

describe('endgame presets', () => {
  it('the six presets of part 1 exist, each with a description', () => {
    for (const name of [
      'baseline',
      'citrini-2028',
      'citrini-tail',
      'citrini-critique',
      'coworking',
      'policy-response',
    ]) {
      const doc = parse(readFileSync(`${presetDir}/${name}.yaml`, 'utf8')) as { description?: string };
      expect(typeof doc.description).toBe('string');
    }
  });
  it('presets set and trigger only params marked role: driver', () => {
    for (const f of presets) {
      const doc = parse(readFileSync(`${presetDir}/${f}`, 'utf8')) as {
        set?: Record<string, number>;
        triggers?: { set: Record<string, number> }[];
      };
      const names = [...Object.keys(doc.set ?? {}), ...(doc.triggers ?? []).flatMap((t) => Object.keys(t.set))];
      for (const n of names) expect(`${f}: ${n} ${roles.get(n)}`).toBe(`${f}: ${n} driver`);
    }
  });
  it('a baseline run exposes every fixed series of MODEL.md §9 (part 1)', () => {
    const r = instantiate(compiled).run({ periods: 12 });
    const fixed = [
      'unemployment_rate',
      'gdp_nominal',
      'gdp_real',
      'gdp_human_capacity',
      'consumption_real',
      'cpi_inflation',
      'policy_rate',
      'yield_10y',
      'labor_share',
      'consumption_total',
      'job_openings',
      'ai_revenue',
      'hyperscaler_capex',
      'compute_deployed',
      'dc_power_gw',
      'memory_price_index',
      'gov_receipts',
      'gov_receipts_federal',
      'gov_deficit',
      'gov_debt',
      'ubi_per_adult',
      'private_credit_mark',
      'sahm_indicator',
      'accounting_residual_max',
      'ai_capability_index',
      'employment_knowledge',
      'ai_spend_firms',
      'income_hh_pro',
      'consumption_hh_top_pro',
      'profits_firms',
      'employment_other',
      'mortgage_delinquency_rate',
      'house_price_index',
      'house_price_index_tech',
      'private_credit_default_rate',
      'private_credit_default_rate_software',
      'credit_spread_hy',
      'insurer_capital_ratio',
      'equity_index',
      'net_worth_households',
      'consumption_wealth_effect',
    ];
    for (const n of fixed) expect(r.names).toContain(n);
  });
});
