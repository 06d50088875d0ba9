/**
 * The scenario in the page's URL: `?preset=NAME&LEVER=VALUE...` (lever ids,
 * model units). Loading validates every part; what is wrong is reported in
 * one line and dropped (an unknown preset falls back to the default preset),
 * so a bad URL never blanks the page.
 */
import type { LeverMeta } from '../levers/lever-meta.js';
import type { ScenarioState } from './scenario-state.js';

/** The preset shown when the URL names none (or a bad one). */
export const DEFAULT_PRESET = 'baseline';

/** A state read from a URL, and what was wrong with it (empty when nothing). */
export interface ParsedUrl {
  state: ScenarioState;
  problems: string[];
}

/** Reads the state from a query string, checking it against the presets and levers. */
export function parseUrlState(search: string, presets: readonly string[], levers: readonly LeverMeta[]): ParsedUrl {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let preset = params.get('preset') ?? DEFAULT_PRESET;
  if (!presets.includes(preset)) {
    problems.push(`unknown preset '${preset}' (presets: ${presets.join(', ')}); showing ${DEFAULT_PRESET}`);
    preset = DEFAULT_PRESET;
  }
  const state: ScenarioState = { preset, set: {}, ubiTrigger: null };
  const byId = new Map(levers.map((meta) => [meta.def.id, meta]));
  for (const [key, text] of params) {
    if (key === 'preset' || key === 'view') continue;
    const meta = byId.get(key);
    if (!meta) {
      problems.push(`unknown lever '${key}' ignored`);
      continue;
    }
    const value = text.trim() === '' ? Number.NaN : Number(text);
    const [lo, hi] = meta.range;
    if (!Number.isFinite(value) || value < lo || value > hi) {
      problems.push(`lever '${key}': '${text}' is not a number from ${lo} to ${hi}; using the preset's value`);
      continue;
    }
    if (meta.def.kind === 'trigger') state.ubiTrigger = value > 0 ? value : null;
    else state.set[meta.def.param] = value;
  }
  return { state, problems };
}

/** The query string of a state (lever ids in lever order). */
export function urlOfState(state: ScenarioState, levers: readonly LeverMeta[]): string {
  const params = new URLSearchParams({ preset: state.preset });
  for (const meta of levers) {
    if (meta.def.kind === 'trigger') {
      if (state.ubiTrigger !== null) params.set(meta.def.id, String(state.ubiTrigger));
    } else if (Object.hasOwn(state.set, meta.def.param)) {
      params.set(meta.def.id, String(state.set[meta.def.param]));
    }
  }
  return `?${params.toString()}`;
}
