/**
 * The cost comparator (`compareCost`, MODEL.md §8). Expected values are hand calculations from the
 * calibration facts (not from the code): the compiler case is 2,000 M input tokens at $8.25/M
 * (derived so the reported $20,000 holds) + 140 M output tokens at $25/M = 16,500 + 3,500 = $20,000.
 */
import { describe, expect, it } from 'vitest';
import { compareCost, costOverrides } from '../src/index.js';

describe('compareCost: the compiler case', () => {
  const c = compareCost();
  it('AI: $20,000 over 14 days, $0.20 a line', () => {
    expect(c.ai.cost_usd).toBeCloseTo(20_000, 6);
    expect(c.ai.days).toBe(14);
    expect(c.ai.cost_per_line_usd).toBeCloseTo(0.2, 9);
  });
  it('human: 100,000 lines / 50 a day = 2,000 dev-days; 10 working days in 14 calendar days -> 200 people', () => {
    expect(c.human.team_size).toBe(200);
    expect(c.human.days).toBe(14);
    // 200 people x 10 days x (144,570 x 1.4245 / 250) = 2,000 x 823.7597 = 1,647,519.7
    expect(c.human.cost_usd).toBeCloseTo(1_647_519.72, 1);
    expect(c.human.cost_per_line_usd).toBeCloseTo(16.4751972, 6);
    expect(c.cost_ratio).toBeCloseTo(0.2 / 16.4751972, 9);
  });
  it('shows every assumption with a unit, a doc and a source', () => {
    for (const [name, a] of Object.entries(c.assumptions)) {
      expect(`${name}: ${a.unit !== '' && a.doc !== '' && a.source !== ''}`).toBe(`${name}: true`);
    }
    expect(c.assumptions.code_loading.value).toBeCloseTo(1.4245, 4);
    expect(c.assumptions.code_wage.value).toBe(144_570);
  });
});

describe('compareCost: overrides', () => {
  it('--year 2028 applies the price trend: 20,000 x exp(-0.15 x 1.9)', () => {
    const c = compareCost({ year: 2028 });
    expect(c.ai.cost_usd).toBeCloseTo(20_000 * Math.exp(-0.15 * 1.9), 6);
    expect(c.ai.cost_usd).toBeLessThan(compareCost().ai.cost_usd);
    expect(c.assumptions.cost_year.overridden).toBe(true);
  });
  it('half the lines and twice the agents: a quarter of the days, half the tokens', () => {
    const c = compareCost({ lines: 50_000, agents: 32 });
    expect(c.ai.days).toBeCloseTo(3.5, 9);
    expect(c.ai.cost_usd).toBeCloseTo(10_000, 6);
    // 1,000 dev-days in 2.5 working days -> 400 people, 400 x 2.5 x 823.7597 = 823,759.9
    expect(c.human.team_size).toBe(400);
    expect(c.human.cost_usd).toBeCloseTo(823_759.86, 1);
  });
  it('prices, wage and productivity move the costs in proportion', () => {
    const c = compareCost({ tokenPriceIn: 5, tokenPriceOut: 25, wage: 100_000, locPerDevDay: 25, days: 28 });
    expect(c.ai.cost_usd).toBeCloseTo(2000 * 5 + 140 * 25, 6);
    // 4,000 dev-days over 20 working days -> 200 people; 4,000 x 100,000 x 1.4245 / 250
    expect(c.human.team_size).toBe(200);
    expect(c.human.cost_usd).toBeCloseTo((4000 * 100_000 * 1.4245) / 250, 3);
  });
  it('rejects values a job cannot have, naming the flag', () => {
    expect(() => costOverrides({ agents: 0 })).toThrow(/--agents must be a number of at least 1/);
    expect(() => costOverrides({ lines: Number.NaN })).toThrow(/--lines/);
    expect(() => costOverrides({ year: 2020 })).toThrow(/--year/);
  });
});
