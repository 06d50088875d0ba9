/**
 * The levers, as data: one entry per slider. Each names the model param it
 * moves; its unit, doc, calibration source, range and default come from the
 * model's slot metadata at run time (see lever-meta.ts), so re-pointing a
 * lever is a one-line change here. A lever whose param the loaded model lacks
 * is hidden and listed in the page's "levers not in this model" notice.
 */

/** One slider. */
export interface LeverDef {
  /** Stable id, used in the URL. */
  id: string;
  /** The model param it sets (for `trigger`: the series the trigger reads). */
  param: string;
  group: LeverGroup;
  label: string;
  /** Factor from model units to shown units (100 for shares shown in %). */
  scale?: number;
  /** The unit shown when it differs from the model's (e.g. `%`). */
  shownUnit?: string;
  /** `trigger`: not a param but the UBI trigger (unemployment threshold), see scenario-state.ts. */
  kind?: 'param' | 'trigger';
  /** Range used when the model gives the param none. */
  fallbackRange?: [number, number];
}

/** Lever groups, in the order the panel shows them. */
export const LEVER_GROUPS = [
  'AI technology',
  'Labour',
  'Demand and prices',
  'Policy',
  'AI infrastructure',
  'Finance',
] as const;
/** A lever group. */
export type LeverGroup = (typeof LEVER_GROUPS)[number];

/**
 * The levers, in the order shown. A lever whose param the loaded model lacks is
 * hidden and listed in the panel's notice.
 */
export const LEVERS: readonly LeverDef[] = [
  { id: 'ai_progress', param: 'ai_algo_progress', group: 'AI technology', label: 'AI capability growth' },
  { id: 'agentic_step', param: 'agentic_step', group: 'AI technology', label: 'Agentic capability step' },
  { id: 'scaling_returns', param: 'capability_returns', group: 'AI technology', label: 'Scaling returns' },
  { id: 'diffusion_lag', param: 'diffusion_time', group: 'Labour', label: 'Diffusion lag, knowledge work' },
  {
    id: 'diffusion_lag_other',
    param: 'diffusion_time_other',
    group: 'Labour',
    label: 'Diffusion lag, routine and physical work',
  },
  { id: 'new_tasks', param: 'new_task_creation', group: 'Labour', label: 'New-task creation' },
  {
    id: 'wage_penalty',
    param: 'displaced_wage_penalty',
    group: 'Labour',
    label: 'Displaced-worker wage penalty',
    scale: 100,
    shownUnit: '%',
  },
  {
    id: 'passthrough',
    param: 'ai_passthrough',
    group: 'Demand and prices',
    label: 'Pass-through of AI savings into prices',
    scale: 100,
    shownUnit: '%',
  },
  {
    id: 'confidence',
    param: 'confidence_sensitivity',
    group: 'Demand and prices',
    label: 'Job-loss fear (consumption sensitivity)',
  },
  { id: 'ubi_amount', param: 'ubi_amount', group: 'Policy', label: 'UBI amount per adult', shownUnit: 'USD k / yr' },
  {
    id: 'ubi_trigger',
    param: 'unemployment_rate',
    group: 'Policy',
    label: 'UBI trigger: unemployment above (0 = from the start)',
    kind: 'trigger',
    scale: 100,
    shownUnit: '%',
    fallbackRange: [0, 0.15],
  },
  { id: 'ai_tax', param: 'ai_tax_rate', group: 'Policy', label: 'AI tax rate', scale: 100, shownUnit: '%' },
  { id: 'ai_tax_base', param: 'ai_tax_base', group: 'Policy', label: 'AI tax base' },
  { id: 'rate_policy', param: 'policy_aggressiveness', group: 'Policy', label: 'Rate-policy aggressiveness' },
  { id: 'power_build', param: 'power_build_rate', group: 'AI infrastructure', label: 'Power build rate' },
  { id: 'ai_markup', param: 'ai_markup', group: 'AI infrastructure', label: 'AI markup' },
  {
    id: 'pc_software',
    param: 'pc_software_share',
    group: 'Finance',
    label: 'Private-credit software share',
    scale: 100,
    shownUnit: '%',
  },
];
