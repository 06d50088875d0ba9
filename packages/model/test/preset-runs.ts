/**
 * Test helper shared by the preset tests: each preset runs once per test file, and months
 * "YYYY-MM" map to periods of the AI-endgame model (period 1 = 2026-01).
 */
import { runScenario, type ScenarioRun } from '../src/index.js';

const runs = new Map<string, ScenarioRun>();

/** The run of preset `name`, made on first use and kept for the rest of the file. */
export function presetRun(name: string): ScenarioRun {
  let r = runs.get(name);
  if (!r) {
    r = runScenario(name);
    runs.set(name, r);
  }
  return r;
}

/** Period of a month "YYYY-MM" (period 1 = 2026-01). */
export function periodOf(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return (y - 2026) * 12 + m;
}
