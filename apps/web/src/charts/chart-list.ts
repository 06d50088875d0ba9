/**
 * The headline charts, as data: each names the series it draws (by model
 * name) and how values are shown. A chart whose series the loaded model lacks
 * says "not in this model yet" instead of drawing.
 */

/** One line of a chart. */
export interface ChartSeries {
  name: string;
  label: string;
}

/** One headline chart. */
export interface ChartDef {
  id: string;
  title: string;
  series: ChartSeries[];
  /** Factor to shown units (100 for rates in %). */
  scale?: number;
  unit: string;
}

/** The headline charts, in page order. */
export const HEADLINE_CHARTS: readonly ChartDef[] = [
  {
    id: 'unemployment',
    title: 'Unemployment',
    series: [{ name: 'unemployment_rate', label: 'rate' }],
    scale: 100,
    unit: '%',
  },
  {
    id: 'gdp',
    title: 'Real GDP vs human capacity',
    series: [
      { name: 'gdp_real', label: 'real GDP' },
      { name: 'gdp_human_capacity', label: 'human capacity' },
    ],
    unit: 'USD bn / yr (2025)',
  },
  {
    id: 'equity',
    title: 'Equity index',
    series: [{ name: 'equity_index', label: 'S&P 500 equivalent' }],
    unit: 'index',
  },
  {
    id: 'houses',
    title: 'House prices: national and tech metros',
    series: [
      { name: 'house_price_index', label: 'national' },
      { name: 'house_price_index_tech', label: 'tech metros' },
    ],
    unit: 'index (t0 = 100)',
  },
  {
    id: 'delinquency',
    title: 'Mortgage delinquency',
    series: [{ name: 'mortgage_delinquency_rate', label: 'rate' }],
    scale: 100,
    unit: '%',
  },
  {
    id: 'pc_defaults',
    title: 'Private-credit defaults',
    series: [
      { name: 'private_credit_default_rate', label: 'all loans' },
      { name: 'private_credit_default_rate_software', label: 'software' },
    ],
    scale: 100,
    unit: '% / yr',
  },
  {
    id: 'labour_share',
    title: 'Labour share',
    series: [{ name: 'labor_share', label: 'share of GDI' }],
    scale: 100,
    unit: '%',
  },
  {
    id: 'capex_ocf',
    title: 'Hyperscaler capex vs operating cash flow',
    series: [
      { name: 'hyperscaler_capex', label: 'capex' },
      { name: 'hyperscaler_ocf', label: 'operating cash flow' },
    ],
    unit: 'USD bn / yr',
  },
  {
    id: 'compute_power',
    title: 'Compute deployed vs power-limited capacity',
    series: [
      { name: 'compute_deployed', label: 'deployed' },
      { name: 'compute_power_cap', label: 'power cap' },
    ],
    unit: 'compute units',
  },
  { id: 'memory', title: 'Memory price', series: [{ name: 'memory_price_index', label: 'index' }], unit: 'index' },
  { id: 'deficit', title: 'Federal deficit', series: [{ name: 'gov_deficit', label: 'deficit' }], unit: 'USD bn / yr' },
];

/** Every series a headline chart draws. */
export function headlineSeries(): string[] {
  return [...new Set(HEADLINE_CHARTS.flatMap((chart) => chart.series.map((s) => s.name)))];
}
