import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { mcCsv, mcHeader, mcRows } from '../src/export-csv.js';
import { MC_PARQUET_METADATA_KEY, mcParquet } from '../src/export-parquet.js';
import type { McTimeAxis, MonteCarloResult } from '../src/monte-carlo.js';

/** A hand-made result: two series over two months, one percentile missing (every run failed). */
const result: MonteCarloResult = {
  runs: 10,
  seed: 1,
  percentiles: {
    gdp_real: { p5: [1, 2], p25: [3, 4], p50: [5, 6], p75: [7, 8], p95: [9, 10] },
    'odd,name': { p5: [0.5, null], p25: [0.25, 1], p50: [0.5, 1], p75: [0.75, 1], p95: [1, 1] },
  },
  recession_probability_by_year: { 2026: 0.2 },
  chain: {
    L13: { probability: 0.2, onset_percentiles: { p5: '2026-04', p25: null, p50: null, p75: null, p95: null } },
  },
  correlations: { shock: { 'gdp_real:drawdown': 0.5 } },
};
const monthly: McTimeAxis = {
  periods: [1, 2],
  months: ['2026-01', '2026-02'],
  time: [2026, 2026.0833],
  totalPeriods: 2,
};
const plain: McTimeAxis = { periods: [1, 2], time: [2, 3], totalPeriods: 2 };

describe('mcCsv', () => {
  it('writes the long format: one line per series and month', () => {
    expect(mcCsv(result, monthly)).toBe(
      [
        'series,period,month,p5,p25,p50,p75,p95',
        'gdp_real,1,2026-01,1,3,5,7,9',
        'gdp_real,2,2026-02,2,4,6,8,10',
        '"odd,name",1,2026-01,0.5,0.25,0.5,0.75,1',
        '"odd,name",2,2026-02,,1,1,1,1',
        '',
      ].join('\n'),
    );
  });

  it('names the column time for models without months', () => {
    expect(mcHeader(plain)).toEqual(['series', 'period', 'time', 'p5', 'p25', 'p50', 'p75', 'p95']);
    expect(mcRows(result, plain)[1]).toMatchObject({ series: 'gdp_real', period: 2, when: 3 });
  });
});

describe('mcParquet', () => {
  it('writes the same table, readable back, with the rest of the result in the metadata', async () => {
    const bytes = mcParquet(result, monthly);
    const rows = await parquetReadObjects({ file: bytes });
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ series: 'gdp_real', period: 1, month: '2026-01', p5: 1, p25: 3, p50: 5, p75: 7, p95: 9 });
    expect(rows[3]).toEqual({
      series: 'odd,name',
      period: 2,
      month: '2026-02',
      p5: null,
      p25: 1,
      p50: 1,
      p75: 1,
      p95: 1,
    });
    const meta = parquetMetadata(bytes).key_value_metadata?.find((kv) => kv.key === MC_PARQUET_METADATA_KEY);
    const { percentiles: _table, ...rest } = result;
    expect(JSON.parse(meta?.value ?? 'null')).toEqual(rest);
  });

  it('stores model time as a double column for models without months', async () => {
    const rows = await parquetReadObjects({ file: mcParquet(result, plain) });
    expect(rows[1]).toMatchObject({ series: 'gdp_real', period: 2, time: 3 });
  });
});
