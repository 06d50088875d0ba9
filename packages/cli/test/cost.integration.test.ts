import { describe, expect, it } from 'vitest';
import { lines, runCli } from './run-cli.js';

describe('endgame cost', () => {
  it('prints the compiler case against a human team, with every assumption', () => {
    const run = runCli('cost');
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    // 2,000 M x $8.25 + 140 M x $25 = $20,000; 200 developers x 10 days x $823.76 = $1,647,520.
    expect(out.find((l) => l.startsWith('AI agents'))?.split(/\s{2,}/)).toEqual([
      'AI agents',
      '$20,000',
      '14',
      '16',
      '$0.2',
    ]);
    expect(out.find((l) => l.startsWith('human team'))?.split(/\s{2,}/)).toEqual([
      'human team',
      '$1,647,520',
      '14',
      '200',
      '$16.5',
    ]);
    for (const name of ['code_price_in', 'code_wage', 'code_loading', 'code_loc_per_dev_day', 'cost_year'])
      expect(out.some((l) => l.startsWith(name))).toBe(true);
  });
  it('--year 2028 shows the lower AI cost; --format json has the documented shape', () => {
    const now = JSON.parse(runCli('cost', '--format', 'json').stdout);
    const later = JSON.parse(runCli('cost', '--year', '2028', '--format', 'json').stdout);
    expect(Object.keys(later.ai)).toEqual(['cost_usd', 'days', 'cost_per_line_usd']);
    expect(Object.keys(later.human)).toEqual(['cost_usd', 'days', 'team_size', 'cost_per_line_usd']);
    expect(later.ai.cost_usd).toBeCloseTo(20_000 * Math.exp(-0.15 * 1.9), 3);
    expect(later.ai.cost_usd).toBeLessThan(now.ai.cost_usd);
    expect(later.assumptions.cost_year).toMatchObject({ value: 2028, overridden: true });
  });
  it('bad numbers are one-line errors naming the flag', () => {
    const text = runCli('cost', '--lines', 'many');
    expect(text.status).toBe(2);
    expect(text.stderr).toBe("endgame: bad --lines 'many': expected a number\n");
    const zero = runCli('cost', '--agents', '0');
    expect(zero.status).toBe(1);
    expect(lines(zero.stderr)).toHaveLength(1);
    expect(zero.stderr).toMatch(/--agents must be a number of at least 1/);
  });
});
