import { describe, expect, it } from 'vitest';
import { LEVERS } from '../src/levers/lever-list.js';
import { formatLever, leverMetas, leverValue, type SlotMeta, withLever } from '../src/levers/lever-meta.js';

const slots: SlotMeta[] = [
  {
    name: 'diffusion_time',
    kind: 'param',
    unit: 'yr',
    doc: 'diffusion lag',
    source: 'assumption (x)',
    range: [2, 15],
    value: 12,
  },
  { name: 'ai_passthrough', kind: 'param', unit: '1', doc: 'pass-through', source: 'src', range: [0, 1], value: 0.3 },
  { name: 'ubi_amount', kind: 'param', unit: 'USD', range: [0, 15], value: 0 },
  { name: 'unemployment_rate', kind: 'variable' },
  // A variable with a lever's param name is not a lever.
  { name: 'ai_tax_rate', kind: 'variable' },
];

describe('leverMetas', () => {
  const { levers, missing } = leverMetas(slots);
  const byId = new Map(levers.map((m) => [m.def.id, m]));

  it('takes unit, doc, source, range and default from the slot', () => {
    expect(byId.get('diffusion_lag')).toMatchObject({
      unit: 'yr',
      doc: 'diffusion lag',
      source: 'assumption (x)',
      range: [2, 15],
      modelDefault: 12,
    });
    // 13 / 200 = 0.065 → the next 1-2-5 step is 0.1.
    expect(byId.get('diffusion_lag')?.step).toBe(0.1);
  });

  it('hides levers whose param the model lacks (or has as a variable) and lists them', () => {
    expect(levers.map((m) => m.def.id)).toEqual(['diffusion_lag', 'passthrough', 'ubi_amount', 'ubi_trigger']);
    expect(missing.map((d) => d.id)).toContain('ai_tax');
    expect(missing.length + levers.length).toBe(LEVERS.length);
  });

  it('shows shares in percent and the user change over the preset over the model', () => {
    const passthrough = byId.get('passthrough')!;
    // Step 0.005 (range 1 / 200) is 0.5 points: one decimal.
    expect(formatLever(passthrough, 0.1)).toBe('10.0 %');
    // Step 0.1 yr: one decimal, for 6 and for 12 alike.
    expect(formatLever(byId.get('diffusion_lag')!, 6)).toBe('6.0 yr');
    expect(formatLever(byId.get('diffusion_lag')!, 12)).toBe('12.0 yr');
    const state = { preset: 'p', set: {}, ubiTrigger: null };
    expect(leverValue(passthrough, state, {})).toBe(0.3);
    expect(leverValue(passthrough, state, { ai_passthrough: 0.1 })).toBe(0.1);
    expect(leverValue(passthrough, withLever(state, passthrough, 0.7), { ai_passthrough: 0.1 })).toBe(0.7);
  });

  it('maps a trigger of 0 to "from the start"', () => {
    const trigger = byId.get('ubi_trigger')!;
    const state = { preset: 'p', set: {}, ubiTrigger: null };
    expect(withLever(state, trigger, 0.07).ubiTrigger).toBe(0.07);
    expect(withLever(state, trigger, 0).ubiTrigger).toBeNull();
  });
});
