/**
 * The micro-simulation's distributions and hazards (data/households.json):
 * each with its source (a calibration.json key) or its assumption and range.
 */
import data from '../data/households.json' with { type: 'json' };

/** Macro household groups, in the order the micro layer stores them. */
export const GROUPS = ['hh_top', 'hh_pro', 'hh_work'] as const;
/** A macro household group. */
export type Group = (typeof GROUPS)[number];
/** Occupations of origin (the macro model pools routine and physical as "other" jobs). */
export const OCCUPATIONS = ['knowledge', 'routine', 'physical'] as const;
/** Metro types of a household's home. */
export const METROS = ['tech', 'other'] as const;

const byGroup = (v: Record<Group, number>): number[] => GROUPS.map((g) => v[g]);

/** The numbers the kernel and the population synthesis use, read from data/households.json. */
export const MICRO_ASSUMPTIONS = {
  groupShare: byGroup(data.group_population_share.value),
  wageSigma: byGroup(data.wage_sigma.value),
  capitalSigma: data.capital_sigma.value,
  mortgagorShare: byGroup(data.mortgagor_share.value),
  logLtvMu: data.log_ltv.value.mu,
  logLtvSigma: data.log_ltv.value.sigma,
  contractRate: data.mortgage_contract_rate.value as [number, number],
  amortisation: data.mortgage_amortisation.value,
  bufferMedianMonths: data.buffer_months.value.median,
  bufferSigma: data.buffer_months.value.sigma,
  bufferRebuild: data.buffer_rebuild.value,
  mpcLowBuffer: data.mpc_low_buffer.value,
  mpcHighBuffer: data.mpc_high_buffer.value,
  layoffRate: data.layoff_rate.value,
  routineShare: data.routine_share_of_other.value,
  ptiThreshold: data.pti_threshold.value,
  delinquencyRefresh: data.delinquency_refresh.value,
  defaultHazard: data.default_hazard.value,
  techMetroShare: byGroup(data.tech_metro_share.value),
} as const;

/** One documented entry of data/households.json (for docs and the CLI's `--help`). */
export interface AssumptionEntry {
  name: string;
  doc: string;
  unit: string;
  source?: string;
  assumption?: string;
  range?: number[];
}

/** Every entry of data/households.json with its documentation. */
export function assumptionEntries(): AssumptionEntry[] {
  return Object.entries(data)
    .filter(([name]) => name !== 'about')
    .map(([name, entry]) => ({ name, ...(entry as Omit<AssumptionEntry, 'name'>) }));
}
