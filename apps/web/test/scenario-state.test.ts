import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '@endgame/engine';
import { defaultPresetsDir, resolvePreset, runScenario } from '@endgame/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioYaml } from '../src/scenario/scenario-state.js';
import { runState } from '../src/worker/run-state.js';

const presets = { resolvePreset: (name: string) => resolvePreset(name, { dir: defaultPresetsDir() }) };
const EXPORT = '/virtual/web-export.yaml';
const load = (text: string) =>
  loadScenario(EXPORT, { ...presets, readFile: (path) => (path === EXPORT ? text : readFileSync(path, 'utf8')) });

describe('scenarioYaml', () => {
  it('writes a scenario that extends the preset and sets the changed params', () => {
    const text = scenarioYaml({
      preset: 'citrini-2028',
      set: { ai_passthrough: 0.5, ai_tax_rate: 0.1 },
      ubiTrigger: null,
    });
    const scenario = load(text);
    expect(scenario.set.ai_passthrough).toBe(0.5);
    expect(scenario.set.ai_tax_rate).toBe(0.1);
    // Inherited from citrini-2028 (its file says diffusion_time: 3.5).
    expect(scenario.set.diffusion_time).toBe(3.5);
    expect(scenario.triggers).toEqual([]);
  });

  it('moves the UBI amount into a latched trigger on unemployment when a trigger is set', () => {
    const scenario = load(scenarioYaml({ preset: 'baseline', set: { ubi_amount: 6 }, ubiTrigger: 0.07 }));
    expect(scenario.set.ubi_amount).toBeUndefined();
    expect(scenario.triggers).toEqual([
      { when: 'unemployment_rate > 0.07', sustain: 0.25, set: { ubi_amount: 6 }, latch: true },
    ]);
  });

  it('round-trips every finite number exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        (value, trigger) => {
          const scenario = load(
            scenarioYaml({
              preset: 'baseline',
              set: { diffusion_time: value, ubi_amount: value },
              ubiTrigger: trigger,
            }),
          );
          // -0 is written as 0; every other double comes back bit for bit.
          expect(scenario.set.diffusion_time === value).toBe(true);
          expect(scenario.triggers[0].set.ubi_amount === value).toBe(true);
          expect(scenario.triggers[0].when).toBe(`unemployment_rate > ${trigger}`);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('runState (the worker on the bundled model)', () => {
  it('gives exactly what `endgame run` gives for the exported YAML on disk', () => {
    const state = { preset: 'citrini-2028', set: { ai_passthrough: 0.5, ubi_amount: 4 }, ubiTrigger: 0.08 };
    const dir = mkdtempSync(join(tmpdir(), 'endgame-web-'));
    const file = join(dir, 'export.yaml');
    writeFileSync(file, scenarioYaml(state));
    const browser = runState(state);
    const disk = runScenario(file);
    expect(browser.name).toBe('citrini-2028');
    expect(Array.from(browser.view.get('unemployment_rate')!)).toEqual(Array.from(disk.view.get('unemployment_rate')!));
    expect(browser.chain).toEqual(disk.chain);
    expect(browser.summary).toEqual(disk.summary);
    // The scorecard is kept because the run keeps the preset's name.
    expect(browser.scorecard.length).toBeGreaterThan(0);
  });

  it('runs an unchanged preset by name', () => {
    const run = runState({ preset: 'baseline', set: {}, ubiTrigger: null });
    expect(run.kind).toBe('preset');
    expect(run.name).toBe('baseline');
  });
});
