import { compiledModel, defaultModelPath } from '@endgame/model';
import { describe, expect, it } from 'vitest';
import { MAP_EDGES, MAP_NODES } from '../src/map/causal-graph.js';
import { minskySpans } from '../src/ui/minsky-strip.js';
import { valueTicks } from '../src/ui/time-chart.js';

describe('minskySpans', () => {
  it('groups months of one class into runs and drops values that are no class', () => {
    expect(minskySpans([0, 0, 1, 1, 1, 2, 0])).toEqual([
      { start: 0, length: 2, code: 0 },
      { start: 2, length: 3, code: 1 },
      { start: 5, length: 1, code: 2 },
      { start: 6, length: 1, code: 0 },
    ]);
    // A gap (NaN) splits a run; 1.9999 rounds to Ponzi.
    expect(minskySpans([1, Number.NaN, 1, 1.9999])).toEqual([
      { start: 0, length: 1, code: 1 },
      { start: 2, length: 1, code: 1 },
      { start: 3, length: 1, code: 2 },
    ]);
    expect(minskySpans([])).toEqual([]);
  });
});

describe('valueTicks', () => {
  it('keeps grouped digits below 100 000 and goes compact from there', () => {
    expect(valueTicks([0, 6000, 12000])).toEqual(['0', '6,000', '12,000']);
    expect(valueTicks([0, 200000, 400000])).toEqual(['0', '200K', '400K']);
    expect(valueTicks([0, 1500000])).toEqual(['0', '1.5M']);
    expect(valueTicks([2.2, 2.4])).toEqual(['2.2', '2.4']);
  });
});

describe('causal map data', () => {
  const names = new Set(compiledModel(defaultModelPath()).compiled.slots.map((s) => s.name));

  it('shows only series the model has, and links only sectors it defines', () => {
    const missing = MAP_NODES.flatMap((n) => n.series.filter((s) => !names.has(s)).map((s) => `${n.id}: ${s}`));
    expect(missing).toEqual([]);
    const ids = new Set(MAP_NODES.map((n) => n.id));
    expect(MAP_EDGES.filter((e) => !ids.has(e.from) || !ids.has(e.to))).toEqual([]);
  });

  it('has the AI-infrastructure players, each linked in and out', () => {
    for (const id of ['hyperscalers', 'neoclouds', 'aiapps', 'chips', 'power']) {
      expect(
        MAP_EDGES.some((e) => e.to === id),
        `into ${id}`,
      ).toBe(true);
      expect(
        MAP_EDGES.some((e) => e.from === id),
        `out of ${id}`,
      ).toBe(true);
    }
  });
});
