/**
 * The AI-vs-human cost comparator (`endgame cost`, MODEL.md §8): runs the
 * one-period model `model/cost-comparator.yaml`, whose formula
 * (`model/software/coding-cost.yaml`) is the same file the full model
 * includes, so the comparator and the software block share one
 * implementation. Every assumption comes back with its value, unit, doc and
 * source (a calibration key or a declared assumption).
 */
import { EngineError, type ReadFile } from '@endgame/engine';
import { nodeReadFile, packagePath } from './files.js';
import { compiledModel } from './run-scenario.js';

/** The overridable inputs of a comparison, in the CLI's words. */
export interface CostInputs {
  /** Lines of code of the job. */
  lines?: number;
  /** Calendar days the reference job takes with the reference number of agents. */
  days?: number;
  /** AI agents working in parallel. */
  agents?: number;
  /** USD per million input tokens. */
  tokenPriceIn?: number;
  /** USD per million output tokens. */
  tokenPriceOut?: number;
  /** Mean annual developer wage, USD. */
  wage?: number;
  /** Finished lines a developer delivers per working day. */
  locPerDevDay?: number;
  /** Year the job is done (applies the AI price trend from Feb 2026). */
  year?: number;
}

/** Each input's param in `coding-cost.yaml` / `cost-comparator.yaml`, and the lowest value it accepts. */
export const COST_INPUT_PARAMS: Record<keyof CostInputs, { param: string; flag: string; min: number }> = {
  lines: { param: 'code_lines', flag: '--lines', min: 1 },
  days: { param: 'code_days', flag: '--days', min: 0.01 },
  agents: { param: 'code_agents', flag: '--agents', min: 1 },
  tokenPriceIn: { param: 'code_price_in', flag: '--token-price-in', min: 0 },
  tokenPriceOut: { param: 'code_price_out', flag: '--token-price-out', min: 0 },
  wage: { param: 'code_wage', flag: '--wage', min: 0 },
  locPerDevDay: { param: 'code_loc_per_dev_day', flag: '--loc-per-dev-day', min: 0.01 },
  year: { param: 'cost_year', flag: '--year', min: 2026 },
};

/** One assumption as the comparison used it. */
export interface CostAssumption {
  value: number;
  unit: string;
  doc: string;
  source: string;
  /** True when the caller overrode the model file's value. */
  overridden: boolean;
}

/** The result of {@link compareCost} (the JSON shape of `endgame cost --format json`). */
export interface CostComparison {
  ai: { cost_usd: number; days: number; cost_per_line_usd: number };
  human: { cost_usd: number; days: number; team_size: number; cost_per_line_usd: number };
  /** AI cost per line over human cost per line (what drives the software block). */
  cost_ratio: number;
  /** Every param of the comparator by name. */
  assumptions: Record<string, CostAssumption>;
}

/** The comparator model file: `packages/model/model/cost-comparator.yaml`. */
export function costComparatorPath(): string {
  return `${packagePath('../model/')}/cost-comparator.yaml`;
}

/** Checks the inputs and maps them to param overrides; throws a `bad-input` EngineError naming the flag. */
export function costOverrides(inputs: CostInputs): Record<string, number> {
  const params: Record<string, number> = {};
  for (const [key, value] of Object.entries(inputs) as [keyof CostInputs, number | undefined][]) {
    if (value === undefined) continue;
    const spec = COST_INPUT_PARAMS[key];
    if (!spec) throw new EngineError('bad-input', `unknown cost input '${key}'`);
    if (!Number.isFinite(value) || value < spec.min) {
      throw new EngineError('bad-input', `${spec.flag} must be a number of at least ${spec.min}, got ${value}`);
    }
    params[spec.param] = value;
  }
  return params;
}

/** AI agents against a human team for one software job; defaults are the compiler case. */
export function compareCost(inputs: CostInputs = {}, options: { readFile?: ReadFile } = {}): CostComparison {
  const params = costOverrides(inputs);
  const { compiled, instance } = compiledModel(costComparatorPath(), options.readFile ?? nodeReadFile);
  const result = instance.run({ params, checks: false });
  const v = (name: string): number => result.series(name)[1];
  const assumptions: Record<string, CostAssumption> = {};
  for (const slot of compiled.slots) {
    if (slot.kind !== 'param') continue;
    const overridden = Object.hasOwn(params, slot.name);
    assumptions[slot.name] = {
      value: overridden ? params[slot.name] : (slot.value ?? Number.NaN),
      unit: slot.unit ?? '',
      doc: slot.doc ?? '',
      source: slot.source ?? '',
      overridden,
    };
  }
  const days = v('code_ai_days');
  return {
    ai: { cost_usd: v('code_ai_cost'), days, cost_per_line_usd: v('code_ai_cost_per_line') },
    human: {
      cost_usd: v('code_human_cost'),
      days,
      team_size: v('code_human_team'),
      cost_per_line_usd: v('code_human_cost_per_line'),
    },
    cost_ratio: v('ai_coding_cost_ratio'),
    assumptions,
  };
}
