/**
 * Export of a household sample: every k-th household of the population, one
 * CSV row each, in shard order (so the sample is the same whatever the
 * number of workers).
 */
import { GROUPS, METROS, OCCUPATIONS } from './assumptions.js';
import type { Shard } from './shard.js';

/** Columns of the sample CSV (money in USD thousand, flows a year). */
export const SAMPLE_COLUMNS = [
  'household',
  'group',
  'occupation',
  'employment',
  'metro',
  'mortgage',
  'delinquent',
  'income',
  'consumption',
  'liquid_buffer',
  'mortgage_balance',
  'mortgage_payment',
  'house_value_t0',
  'earnings_factor',
] as const;

const EMPLOYMENT = ['unemployed', 'own_occupation', 'other_job'];
const MORTGAGE = ['none', 'mortgagor'];

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : '');

/** Up to `count` households spread evenly over the population, as CSV text with a header. */
export function exportSample(shards: Shard[], count: number): string {
  const total = shards.reduce((n, s) => n + s.size, 0);
  const step = Math.max(1, Math.floor(total / Math.max(1, count)));
  const lines = [SAMPLE_COLUMNS.join(',')];
  let id = 0;
  for (const s of shards) {
    for (let i = 0; i < s.size; i++, id++) {
      if (id % step !== 0 || lines.length > count) continue;
      let g = 0;
      while (i >= s.groupStart[g + 1]) g++;
      const hasMortgage = s.mortgage[i] === 1;
      lines.push(
        [
          id,
          GROUPS[g],
          OCCUPATIONS[s.occupation[i]],
          EMPLOYMENT[s.status[i]],
          METROS[s.metro[i]],
          MORTGAGE[s.mortgage[i]],
          s.delinquent[i],
          fmt(s.income[i]),
          fmt(s.consumption[i]),
          fmt(s.liquid[i]),
          fmt(hasMortgage ? s.balance[i] : 0),
          fmt(hasMortgage ? s.payment[i] : 0),
          fmt(s.house[i]),
          fmt(s.wage[i]),
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
