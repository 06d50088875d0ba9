/**
 * The causal map as data: the model's sectors (each with the series that show
 * it) and the links between them, tagged with the chain link (MODEL.md §9)
 * each carries, so the map lights up what fired.
 */

/** A sector of the map. */
export interface MapNode {
  id: string;
  label: string;
  /** Series shown when the node is clicked. */
  series: string[];
}

/** A causal link between sectors. */
export interface MapEdge {
  from: string;
  to: string;
  /** The chain link it carries (lit when that link fires), if any. */
  link?: string;
  label: string;
}

/** The sectors. */
export const MAP_NODES: readonly MapNode[] = [
  {
    id: 'hyperscalers',
    label: 'Hyperscalers',
    series: ['hyperscaler_capex', 'hyperscaler_ocf', 'hyperscaler_debt_ebitda', 'minsky_hyperscalers'],
  },
  {
    id: 'neoclouds',
    label: 'Neoclouds',
    series: ['neocloud_capex', 'neocloud_debt_ebitda', 'neocloud_ocf', 'minsky_neoclouds'],
  },
  {
    id: 'aiapps',
    label: 'AI apps (labs)',
    series: ['ai_apps_revenue', 'ai_compute_spend', 'ai_apps_cash', 'minsky_ai_apps'],
  },
  { id: 'chips', label: 'Chips and memory', series: ['chip_orders', 'chips_sales', 'memory_price_index'] },
  { id: 'power', label: 'Power', series: ['dc_power_gw', 'power_capex', 'compute_power_cap'] },
  { id: 'ai', label: 'AI capability', series: ['ai_capability_index', 'compute_deployed'] },
  { id: 'firms', label: 'Firms and adoption', series: ['adopt_k', 'ai_spend_firms', 'profits_firms'] },
  { id: 'labour', label: 'Labour market', series: ['unemployment_rate', 'employment_knowledge', 'employment_other'] },
  {
    id: 'households',
    label: 'Households',
    series: ['income_hh_pro', 'consumption_hh_top_pro', 'net_worth_households'],
  },
  {
    id: 'housing',
    label: 'Housing',
    series: ['house_price_index', 'house_price_index_tech', 'mortgage_delinquency_rate'],
  },
  {
    id: 'pc',
    label: 'Private credit',
    series: ['private_credit_default_rate', 'private_credit_default_rate_software'],
  },
  { id: 'insurers', label: 'Insurers and pensions', series: ['insurer_capital_ratio'] },
  { id: 'markets', label: 'Markets', series: ['equity_index', 'credit_spread_hy'] },
  { id: 'banks', label: 'Banks', series: ['bank_capital_ratio', 'loans_bank'] },
  { id: 'gov', label: 'Government', series: ['gov_deficit', 'ubi_total'] },
  { id: 'cb', label: 'Central bank', series: ['policy_rate', 'yield_10y'] },
  { id: 'output', label: 'Output', series: ['gdp_real', 'gdp_human_capacity', 'labor_share'] },
];

/** The links. */
export const MAP_EDGES: readonly MapEdge[] = [
  { from: 'firms', to: 'aiapps', label: 'AI spend' },
  { from: 'aiapps', to: 'hyperscalers', label: 'compute bills' },
  { from: 'aiapps', to: 'neoclouds', label: 'compute bills' },
  { from: 'markets', to: 'aiapps', label: 'equity funding' },
  { from: 'pc', to: 'neoclouds', label: 'loans' },
  { from: 'hyperscalers', to: 'chips', label: 'chip orders' },
  { from: 'neoclouds', to: 'chips', label: 'chip orders' },
  { from: 'hyperscalers', to: 'power', label: 'data-centre build' },
  { from: 'chips', to: 'ai', label: 'compute' },
  { from: 'power', to: 'ai', label: 'power cap' },
  { from: 'ai', to: 'firms', link: 'L1', label: 'capability jump' },
  { from: 'firms', to: 'labour', link: 'L2', label: 'layoffs' },
  { from: 'labour', to: 'households', link: 'L3', label: 'income falls' },
  { from: 'households', to: 'firms', link: 'L4', label: 'spending falls' },
  { from: 'firms', to: 'markets', link: 'L5', label: 'profits fall' },
  { from: 'firms', to: 'labour', link: 'L6', label: 'second-round layoffs' },
  { from: 'households', to: 'housing', link: 'L7', label: 'mortgage stress' },
  { from: 'housing', to: 'banks', link: 'L8', label: 'house prices fall' },
  { from: 'firms', to: 'pc', link: 'L9', label: 'software defaults' },
  { from: 'pc', to: 'insurers', link: 'L10', label: 'repricing' },
  { from: 'insurers', to: 'markets', link: 'L10', label: 'forced sales' },
  { from: 'markets', to: 'households', link: 'L11', label: 'asset crash' },
  { from: 'households', to: 'output', link: 'L12', label: 'wealth effect' },
  { from: 'output', to: 'cb', link: 'L13', label: 'recession' },
  { from: 'cb', to: 'housing', label: 'rates' },
  { from: 'labour', to: 'gov', label: 'UI, taxes' },
  { from: 'gov', to: 'households', label: 'transfers, UBI' },
  { from: 'banks', to: 'firms', label: 'credit' },
];

/** Every series a map node shows. */
export function mapSeries(id: string): string[] {
  return MAP_NODES.find((n) => n.id === id)?.series ?? [];
}
