/**
 * The software block of the endgame model (MODEL.md §8; issue 5): the seven segments' series, the
 * ordering the issue requires under one AI cost path, and the unit cost shared with `endgame cost`.
 */
import { compile, loadModel } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { compareCost, runScenario } from '../src/index.js';

const HIGH = ['internal_tools', 'personal_software', 'startups_mvp'];
const LIMITED = ['games', 'enterprise_saas', 'gov_software', 'security'];
const SEGMENTS = [...HIGH, ...LIMITED];
const FIELDS = ['revenue', 'employment', 'margin', 'competitors'];
/** Period of a month "YYYY-MM" (period 1 = 2026-01). */
const period = (month: string): number => {
  const [y, m] = month.split('-').map(Number);
  return (y - 2026) * 12 + m;
};

describe.each(['baseline', 'citrini-2028'])('software segments under %s', (preset) => {
  const r = runScenario(preset).result;
  const change = (seg: string, field: string): number => {
    const s = r.series(`sw_${seg}_${field}`);
    return s[period('2030-01')] / s[1] - 1;
  };
  it('exposes sw_<segment>_{revenue,employment,margin,competitors}, finite and positive', () => {
    for (const seg of SEGMENTS)
      for (const f of FIELDS) {
        const s = r.series(`sw_${seg}_${f}`);
        expect(`${seg}_${f} ${s.slice(1).every((x) => Number.isFinite(x) && x > 0)}`).toBe(`${seg}_${f} true`);
      }
  });
  it('by 2030 each high-impact segment loses a larger share of employment and margin than each limited one', () => {
    for (const h of HIGH)
      for (const l of LIMITED) {
        expect(`${h} < ${l} employment: ${change(h, 'employment') < change(l, 'employment')}`).toContain('true');
        expect(`${h} < ${l} margin: ${change(h, 'margin') < change(l, 'margin')}`).toContain('true');
      }
  });
  it("startups/MVPs' competitor count grows fastest", () => {
    const g = change('startups_mvp', 'competitors');
    expect(g).toBeGreaterThan(0);
    for (const seg of SEGMENTS.filter((s) => s !== 'startups_mvp'))
      expect(g).toBeGreaterThan(change(seg, 'competitors'));
  });
  it('the two groups are the sums of their segments', () => {
    const p = period('2035-06');
    const sum = (segs: string[], f: string) => segs.reduce((a, s) => a + r.series(`sw_${s}_${f}`)[p], 0);
    expect(r.series('sw_high_revenue')[p]).toBeCloseTo(sum(HIGH, 'revenue'), 9);
    expect(r.series('sw_limited_employment')[p]).toBeCloseTo(sum(LIMITED, 'employment'), 9);
  });
});

describe("software block: the AI coding cost is the comparator's", () => {
  const r = runScenario('baseline').result;
  it("the model's unit cost ratio equals compareCost's at the same AI price and wage", () => {
    const base = compareCost().cost_ratio;
    for (const p of [1, 60, 180]) {
      // The comparator's ratio at t0 prices, moved by the model's AI price and wage indices.
      const expected = (base * r.series('P_ai')[p]) / r.series('W')[p];
      expect(r.series('ai_coding_cost_ratio')[p]).toBeCloseTo(expected, 12);
    }
  });
  it("the comparator's price trend is the model's AI price trend per task at a constant markup", () => {
    const slots = compile(loadModel('packages/model/model/endgame.yaml')).slots;
    const value = (name: string) => slots.find((s) => s.name === name)?.value ?? Number.NaN;
    const decline = value('compute_price_decline') - value('token_intensity_growth');
    expect(compareCost().assumptions.code_price_decline.value).toBeCloseTo(decline, 12);
  });
  it('SaaS seats follow knowledge headcount and feed private-credit software loans', () => {
    const p = period('2028-06');
    const c = runScenario('citrini-2028').result;
    expect(c.series('sw_saas_seats')[p]).toBeLessThan(r.series('sw_saas_seats')[p]);
    expect(c.series('sw_revenue_index')[p]).toBeLessThan(c.series('sw_saas_seats')[p] + 1e-12);
  });
});
