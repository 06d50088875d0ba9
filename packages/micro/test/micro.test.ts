/**
 * The micro layer's random streams, population, determinism across worker
 * counts, sample export and input errors.
 */
import { EngineError } from '@endgame/engine';
import { runScenario } from '@endgame/model';
import { describe, expect, it } from 'vitest';
import { MICRO_ASSUMPTIONS, runMicroStandalone } from '../src/index.js';
import { nextUniform } from '../src/rng.js';

const baseline = runScenario('baseline').result;

/** xoshiro128** written independently with BigInt (Blackman & Vigna's reference, 32-bit words). */
function referenceXoshiro(state: bigint[], n: number): number[] {
  const M = 0xffffffffn;
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  const s = [...state];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Number((rotl((s[1] * 5n) & M, 7n) * 9n) & M));
    const t = (s[1] << 9n) & M;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
  }
  return out;
}

describe('random streams', () => {
  it('nextUniform is xoshiro128** over 2^32', () => {
    const seed = [0x12345678n, 0x9abcdef0n, 0x0fedcba9n, 0x87654321n];
    const state = Uint32Array.from(seed.map(Number));
    const expected = referenceXoshiro(seed, 50).map((x) => x / 2 ** 32);
    expect(Array.from({ length: 50 }, () => nextUniform(state))).toEqual(expected);
  });
});

describe('standalone runs', () => {
  it('give identical outputs for a seed whatever the number of workers, and differ across seeds', async () => {
    const options = { households: 40_000, seed: 7, months: 18 };
    const inThread = await runMicroStandalone(baseline, { ...options, workers: 0, sample: 50 });
    const pooled = await runMicroStandalone(baseline, { ...options, workers: 2, sample: 50 });
    for (const [name, values] of Object.entries(inThread.series)) {
      expect(Array.from(pooled.series[name]), name).toEqual(Array.from(values));
    }
    expect(pooled.sample).toBe(inThread.sample);
    const other = await runMicroStandalone(baseline, { ...options, seed: 8 });
    expect(other.series.income_gini[18]).not.toBe(inThread.series.income_gini[18]);
  }, 120_000);

  it('draw the population from the declared distributions (N = 100,000)', async () => {
    const run = await runMicroStandalone(baseline, { households: 100_000, seed: 3, months: 1, sample: 100_000 });
    const rows = run
      .sample!.trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(rows.length).toBe(100_000);
    const share = (pick: (r: string[]) => boolean, within: (r: string[]) => boolean = () => true) =>
      rows.filter((r) => within(r) && pick(r)).length / rows.filter(within).length;
    // group sizes: the labour-force shares 0.1 / 0.4 / 0.5
    expect(share((r) => r[1] === 'hh_pro')).toBeCloseTo(0.4, 3);
    // mortgage holders by group (data/households.json), within sampling error
    MICRO_ASSUMPTIONS.mortgagorShare.forEach((s, g) => {
      const group = ['hh_top', 'hh_pro', 'hh_work'][g];
      expect(
        Math.abs(
          share(
            (r) => r[5] === 'mortgagor',
            (r) => r[1] === group,
          ) - s,
        ),
      ).toBeLessThan(0.02);
    });
    // ATTOM: 3 % of mortgaged homes at a loan-to-value of 125 % or more at t0
    const mortgaged = rows.filter((r) => r[5] === 'mortgagor');
    const underwater = mortgaged.filter((r) => Number(r[10]) >= 1.25 * Number(r[12])).length / mortgaged.length;
    expect(Math.abs(underwater - 0.03)).toBeLessThan(0.006);
    // a month after t0 unemployment is close to the macro rate (4.4 %)
    expect(Math.abs(run.series.micro_unemployment_rate[1] - baseline.series('unemployment_rate')[0])).toBeLessThan(
      0.003,
    );
  }, 60_000);
});

describe('bad input', () => {
  it('says what is wrong in one line', async () => {
    const fails = async (options: Parameters<typeof runMicroStandalone>[1], pattern: RegExp) => {
      const err = await runMicroStandalone(baseline, options).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EngineError);
      expect((err as EngineError).message).toMatch(pattern);
      expect((err as EngineError).message).not.toContain('\n');
    };
    await fails({ households: 10 }, /households must be a whole number from 1000/);
    await fails({ households: 2000, workers: -1 }, /workers must be a whole number ≥ 0/);
    await fails({ households: 2000, seed: -3 }, /seed must be a whole number/);
    await fails({ households: 2000, months: 500 }, /months must be a whole number from 1 to 240/);
  });
});
