/**
 * The Citrini scenario targets (`data/citrini-2028-targets.json`, a verbatim
 * copy; see data/README.md): what the `citrini-2028` and `citrini-tail`
 * presets are scored against.
 */
import data from '../data/citrini-2028-targets.json' with { type: 'json' };

/** A band: numbers `[lo, hi]` or months `["YYYY-MM", "YYYY-MM"]`; null when the target is reported only. */
export type TargetBand = [number, number] | [string, string] | null;

/** One target as the file states it. */
export interface CitriniTarget {
  id: string;
  /** `ci` (must hold in CI) or `scorecard` (reported). */
  tier: 'ci' | 'scorecard';
  series: string;
  /** What is measured, in words. */
  what: string;
  /** The memo's own number, date or words. */
  memo: unknown;
  band: TargetBand;
}

interface TargetsFile {
  source: string;
  t0: string;
  targets: CitriniTarget[];
  tail: CitriniTarget[];
}

const FILE = data as unknown as TargetsFile;

/** Where the targets come from (the memo). */
export const TARGETS_SOURCE: string = FILE.source;

/** The month the targets call t0 (period 1). */
export const TARGETS_T0: string = FILE.t0;

/** Presets that have targets, and which: `citrini-2028` the main list, `citrini-tail` the tail list. */
export const TARGET_PRESETS = ['citrini-2028', 'citrini-tail'] as const;

/** The targets of `preset` (empty for presets without targets). */
export function targetsFor(preset: string): readonly CitriniTarget[] {
  if (preset === 'citrini-2028') return FILE.targets;
  if (preset === 'citrini-tail') return FILE.tail;
  return [];
}

/** Every target of the file (main list, then tail). */
export function allTargets(): readonly CitriniTarget[] {
  return [...FILE.targets, ...FILE.tail];
}
