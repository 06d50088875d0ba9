/**
 * The series names every run of the AI-endgame model exposes (MODEL.md §9),
 * part 1 — without those marked (p2) (the AI-infrastructure cycle) and (p3)
 * (software, value capture, social). Scripts and the web app rely on these
 * names; a fixed name may be an alias equation of a namespaced variable.
 */
export const FIXED_SERIES_PART1: readonly string[] = [
  'unemployment_rate',
  'gdp_nominal',
  'gdp_real',
  'gdp_human_capacity',
  'consumption_real',
  'cpi_inflation',
  'policy_rate',
  'yield_10y',
  'labor_share',
  'consumption_total',
  'job_openings',
  'ai_revenue',
  'hyperscaler_capex',
  'compute_deployed',
  'dc_power_gw',
  'memory_price_index',
  'gov_receipts',
  'gov_receipts_federal',
  'gov_deficit',
  'gov_debt',
  'ubi_per_adult',
  'private_credit_mark',
  'sahm_indicator',
  'accounting_residual_max',
  'ai_capability_index',
  'employment_knowledge',
  'ai_spend_firms',
  'income_hh_pro',
  'consumption_hh_top_pro',
  'profits_firms',
  'employment_other',
  'mortgage_delinquency_rate',
  'house_price_index',
  'house_price_index_tech',
  'private_credit_default_rate',
  'private_credit_default_rate_software',
  'credit_spread_hy',
  'insurer_capital_ratio',
  'equity_index',
  'net_worth_households',
  'consumption_wealth_effect',
];

/** Software segment ids of MODEL.md §9 (the `sw_<segment>_*` series). */
export const SOFTWARE_SEGMENTS: readonly string[] = [
  'internal_tools',
  'personal_software',
  'startups_mvp',
  'games',
  'enterprise_saas',
  'gov_software',
  'security',
];

/**
 * The series marked (p3) in MODEL.md §9 (software, value capture, social), plus
 * `gdp_human_capacity` from the capacity block.
 */
export const FIXED_SERIES_PART3: readonly string[] = [
  'gdp_human_capacity',
  'income_share_labor',
  'income_share_profits_nonai',
  'income_share_profits_ai',
  'income_share_energy',
  'income_share_interest',
  'income_share_gov',
  ...SOFTWARE_SEGMENTS.flatMap((s) => ['revenue', 'employment', 'margin', 'competitors'].map((f) => `sw_${s}_${f}`)),
  'social_share_obligatory',
  'social_share_chosen',
  'social_share_ai',
];

/**
 * The series MODEL.md §9 marks (p2), from the AI-infrastructure cycle:
 * vendor-financed AI revenue, the hyperscalers' operating cash flow, the AI
 * revenue gap and the Minsky class (0 hedge, 1 speculative, 2 Ponzi) of each
 * sector that carries one.
 */
export const FIXED_SERIES_PART2: readonly string[] = [
  'ai_revenue_vendor_financed',
  'hyperscaler_ocf',
  'ai_revenue_gap',
  'minsky_hyperscalers',
  'minsky_neoclouds',
  'minsky_ai_apps',
  'minsky_firms',
  'minsky_hh_top',
  'minsky_hh_pro',
  'minsky_hh_work',
];

/** Every fixed series of MODEL.md §9: parts 1, 2 and 3, each once (`gdp_human_capacity` is in parts 1 and 3). */
export const FIXED_SERIES: readonly string[] = [
  ...new Set([...FIXED_SERIES_PART1, ...FIXED_SERIES_PART2, ...FIXED_SERIES_PART3]),
];
