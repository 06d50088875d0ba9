import { EngineError } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { calibrationFact, calibrationFacts, calibrationValue } from '../src/calibration.js';
import { allTargets, TARGETS_T0, targetsFor } from '../src/targets.js';

describe('calibration data', () => {
  it('gives each fact with its source, and numbers by key', () => {
    const fact = calibrationFact('us.employment.household_total_2024');
    expect(fact).toMatchObject({ value: 161346000, date: '2024' });
    expect(fact.source).toContain('BLS');
    expect(calibrationValue('us.employment.household_total_2024')).toBe(161346000);
  });

  it('has unique keys', () => {
    const keys = calibrationFacts().map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads a field of a record or an entry of a list', () => {
    expect(calibrationValue('capex.alphabet.ocf_fcf_2025', 'ocf')).toBe(164700000000);
    expect(calibrationValue('consumption.wealth_effect.housing', 1)).toBe(0.07);
  });

  it('names an unknown key and suggests the closest one', () => {
    expect(() => calibrationValue('us.employment.household_total_2042')).toThrowError(EngineError);
    expect(() => calibrationFact('us.employment.household_total_2042')).toThrowError(
      /unknown calibration key 'us\.employment\.household_total_2042' \(did you mean 'us\.employment\.household_total_2024'\?\)/,
    );
  });

  it('says when a value is not a number and how to pick a field', () => {
    expect(() => calibrationValue('capex.alphabet.ocf_fcf_2025')).toThrowError(
      /a record with fields ocf, fcf, capex, revenue/,
    );
    expect(() => calibrationValue('capex.alphabet.ocf_fcf_2025', 'nope')).toThrowError(/has no field "nope"/);
  });
});

describe('Citrini targets', () => {
  it('has the main list for citrini-2028 and the tail target for citrini-tail', () => {
    expect(TARGETS_T0).toBe('2026-01');
    expect(targetsFor('citrini-2028').map((t) => t.id)).toContain('unemployment_2028_06');
    expect(targetsFor('citrini-tail')).toEqual([
      expect.objectContaining({ id: 'tail_drawdown', band: [-0.65, -0.45] }),
    ]);
    expect(targetsFor('baseline')).toEqual([]);
    expect(allTargets().filter((t) => t.tier === 'ci').length).toBe(6);
  });
});
