import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../src/levers/lever-list.js';
import { type LeverMeta, leverMetas, type SlotMeta } from '../src/levers/lever-meta.js';
import type { ScenarioState } from '../src/scenario/scenario-state.js';
import { parseUrlState, urlOfState } from '../src/scenario/url-state.js';

const PRESETS = ['baseline', 'citrini-2028'];
// Synthetic slots: every lever's param with range [0, 10], plus the trigger's series.
const SLOTS: SlotMeta[] = [
  ...LEVERS.filter((d) => d.kind !== 'trigger').map((d) => ({
    name: d.param,
    kind: 'param' as const,
    range: [0, 10] as [number, number],
    value: 1,
  })),
  { name: 'unemployment_rate', kind: 'variable' },
];
const { levers } = leverMetas(SLOTS);

const stateArb = fc
  .record({
    preset: fc.constantFrom(...PRESETS),
    picks: fc.array(fc.tuple(fc.constantFrom(...levers), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 6 }),
  })
  .map(({ preset, picks }) => {
    const state: ScenarioState = { preset, set: {}, ubiTrigger: null };
    for (const [meta, share] of picks as [LeverMeta, number][]) {
      const value = meta.range[0] + share * (meta.range[1] - meta.range[0]);
      if (meta.def.kind === 'trigger') state.ubiTrigger = value > 0 ? value : null;
      else state.set[meta.def.param] = value;
    }
    return state;
  });

describe('URL state', () => {
  it('round-trips any state made with the levers', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const parsed = parseUrlState(urlOfState(state, levers), PRESETS, levers);
        expect(parsed.problems).toEqual([]);
        expect(parsed.state).toEqual(state);
      }),
    );
  });

  it('never throws on arbitrary query strings and always yields a known preset', () => {
    fc.assert(
      fc.property(fc.string(), (search) => {
        const parsed = parseUrlState(search, PRESETS, levers);
        expect(PRESETS).toContain(parsed.state.preset);
        for (const value of Object.values(parsed.state.set)) expect(value >= 0 && value <= 10).toBe(true);
      }),
    );
  });

  it('reports each bad part in one line and falls back to the default preset', () => {
    const parsed = parseUrlState('?preset=nope&diffusion_lag=abc&new_tasks=11&warp=1&ai_tax=0.2', PRESETS, levers);
    expect(parsed.state).toEqual({ preset: 'baseline', set: { ai_tax_rate: 0.2 }, ubiTrigger: null });
    expect(parsed.problems).toEqual([
      "unknown preset 'nope' (presets: baseline, citrini-2028); showing baseline",
      "lever 'diffusion_lag': 'abc' is not a number from 0 to 10; using the preset's value",
      "lever 'new_tasks': '11' is not a number from 0 to 10; using the preset's value",
      "unknown lever 'warp' ignored",
    ]);
  });

  it('reads an empty query as the default preset with no changes', () => {
    expect(parseUrlState('', PRESETS, levers)).toEqual({
      state: { preset: 'baseline', set: {}, ubiTrigger: null },
      problems: [],
    });
  });
});
