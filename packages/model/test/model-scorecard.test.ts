/**
 * Scorecard tier (MODEL.md §10, tier 2): `citrini-2028` and `citrini-tail` run end to end and every
 * target of the Citrini targets file gets a value (a finite number, a month, a yes/no or a list of
 * finite numbers), its band as written in the file, a gap, and a one-line explanation when it lies
 * outside the band. A miss is a result to explain, so this test checks that each target is scored
 * and explained, not that it is inside.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario, type ScorecardEntry } from '../src/index.js';

interface FileTarget {
  id: string;
  tier: string;
  series: string;
  band: [number, number] | [string, string] | null;
}
const file = JSON.parse(readFileSync('packages/model/data/citrini-2028-targets.json', 'utf8')) as {
  targets: FileTarget[];
  tail: FileTarget[];
};
const EXPECTED: Record<string, FileTarget[]> = { 'citrini-2028': file.targets, 'citrini-tail': file.tail };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** True when a scorecard value is a usable result: finite number, month, yes/no, or finite list. */
const isScored = (v: ScorecardEntry['value']): boolean => {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return MONTH.test(v);
  if (typeof v === 'boolean') return true;
  if (Array.isArray(v)) return v.length > 0 && v.every(Number.isFinite);
  return false;
};

/** Where a value lies against a band, computed here from the value and the file's band. */
const insideBand = (v: ScorecardEntry['value'], band: FileTarget['band']): boolean | null => {
  if (band === null) return null;
  if (typeof v === 'number') return v >= (band[0] as number) && v <= (band[1] as number);
  if (typeof v === 'string') return v >= (band[0] as string) && v <= (band[1] as string);
  if (Array.isArray(v)) return v.every((x) => x >= (band[0] as number) && x <= (band[1] as number));
  return null;
};

describe.each(Object.keys(EXPECTED))('scorecard of %s', (preset) => {
  const card = runScenario(preset).scorecard;
  const expected = EXPECTED[preset];

  it('scores every target of the targets file, in the file, and nothing else', () => {
    expect(expected.length).toBeGreaterThan(0);
    expect(card.map((s) => s.id)).toEqual(expected.map((t) => t.id));
  });
  it('reports no missing series and a usable value for every target', () => {
    for (const s of card) {
      expect(`${s.id}: missing ${JSON.stringify(s.missing ?? [])}`).toBe(`${s.id}: missing []`);
      expect(`${s.id}: ${JSON.stringify(s.value)} scored ${isScored(s.value)}`).toBe(
        `${s.id}: ${JSON.stringify(s.value)} scored true`,
      );
    }
  });
  it('carries each target band as written in the file, with its tier and series', () => {
    for (const [i, s] of card.entries()) {
      expect(s.band).toEqual(expected[i].band);
      expect(s.tier).toBe(expected[i].tier);
      expect(s.series).toBe(expected[i].series);
    }
  });
  it('gives a gap for every banded target: 0 inside, of the sign of the miss outside', () => {
    for (const s of card) {
      if (s.band === null) continue;
      expect(typeof s.gap === 'number' && Number.isFinite(s.gap)).toBe(true);
      const inside = insideBand(s.value, s.band);
      if (inside !== null) expect(`${s.id} inside ${s.inside}`).toBe(`${s.id} inside ${inside}`);
      if (s.inside === true) expect(s.gap).toBe(0);
      if (s.inside === false) expect(s.gap).not.toBe(0);
      if (s.inside === false && typeof s.value === 'number') {
        expect(Math.sign(s.gap as number)).toBe(s.value > (s.band[1] as number) ? 1 : -1);
      }
    }
  });
  it('explains every miss in one line, and only misses', () => {
    for (const s of card) {
      if (s.inside === false) {
        expect(typeof s.explanation).toBe('string');
        expect((s.explanation as string).length).toBeGreaterThan(20);
        expect(s.explanation).not.toContain('\n');
      } else {
        expect(s.explanation).toBeNull();
      }
    }
  });
});
