/**
 * Messages between the page and the model worker. The worker keeps the
 * compiled model; the page sends scenario states and the series it wants.
 */
import type { ChainLinkResult, PresetInfo, RunSummary, ScorecardEntry } from '@endgame/model';
import type { SlotMeta } from '../levers/lever-meta.js';
import type { ScenarioState } from '../scenario/scenario-state.js';

/** Percentiles of one series per month (null where every run failed). */
export type FanPercentiles = Record<'p5' | 'p25' | 'p50' | 'p75' | 'p95', (number | null)[]>;

/** Page → worker. */
export type WorkerRequest =
  | { type: 'init' }
  | { type: 'run'; id: number; state: ScenarioState; names: string[] }
  | { type: 'mc'; id: number; state: ScenarioState; names: string[]; runs: number; seed: number; workers: number }
  | { type: 'mc-cancel'; id: number };

/** One solved scenario as the page sees it. */
export interface RunReply {
  type: 'result';
  id: number;
  /** `"YYYY-MM"` of months 1..M. */
  time: string[];
  /** Requested series over months 1..M; absent names are left out. */
  series: Record<string, Float64Array>;
  /** The baseline preset's values of the same series. */
  baseline: Record<string, Float64Array>;
  chain: ChainLinkResult[];
  scorecard: ScorecardEntry[];
  summary: RunSummary;
  warnings: string[];
  /** Milliseconds the worker spent (run, baseline, chain, scorecard). */
  ms: number;
}

/** Worker → page. */
export type WorkerReply =
  | {
      type: 'ready';
      presets: PresetInfo[];
      /** Each preset's merged `set:` (what its levers start at). */
      presetSets: Record<string, Record<string, number>>;
      slots: SlotMeta[];
    }
  | RunReply
  | { type: 'error'; id: number; message: string }
  | { type: 'mc-progress'; id: number; done: number; runs: number }
  | { type: 'mc-done'; id: number; time: string[]; percentiles: Record<string, FanPercentiles>; runs: number }
  | { type: 'mc-error'; id: number; message: string; cancelled: boolean };
