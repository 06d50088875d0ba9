import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSweepSpec, SweepSpecError, sweepJsonSchema } from '../src/index.js';

const GOOD = `
name: ubi
scenario: citrini-2028
grid:
  ubi_amount: { from: 0, to: 12, n: 4 }
  ai_tax_rate: [0, 0.3]
sample:
  design: latin-hypercube
  n: 8
  params:
    diffusion_time: [2, 12]
metrics: [unemployment_rate:max]
`;

/** The message of what `parseSweepSpec(text)` throws. */
function errorOf(text: string): string {
  try {
    parseSweepSpec(text, 'spec.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(SweepSpecError);
    return (err as Error).message;
  }
  throw new Error('expected an error');
}

describe('parseSweepSpec', () => {
  it('reads a grid and a sampled design, with the seed defaulting to 1', () => {
    const spec = parseSweepSpec(GOOD, 'spec.yaml');
    expect(spec.grid).toEqual({ ubi_amount: { from: 0, to: 12, n: 4 }, ai_tax_rate: [0, 0.3] });
    expect(spec.sample).toEqual({ design: 'latin-hypercube', n: 8, seed: 1, params: { diffusion_time: [2, 12] } });
    expect(spec.metrics).toEqual(['unemployment_rate:max']);
  });

  it('names the bad field in every error', () => {
    expect(errorOf(GOOD.replace('n: 4', 'n: 0'))).toMatch(/^spec\.yaml: grid\.ubi_amount/);
    expect(errorOf(GOOD.replace('latin-hypercube', 'halton'))).toMatch(/^spec\.yaml: sample\.design: /);
    expect(errorOf(GOOD.replace('[2, 12]', '[12, 2]'))).toMatch(
      /^spec\.yaml: sample\.params\.diffusion_time: expected \[lo, hi\] with lo < hi/,
    );
    expect(errorOf(GOOD.replace('metrics: [unemployment_rate:max]', 'metrics: []'))).toMatch(
      /^spec\.yaml: metrics: give at least one metric/,
    );
    expect(errorOf(`${GOOD}\nworkers: 3\n`)).toMatch(/^spec\.yaml: top level: .*'workers'/);
    expect(errorOf('scenario: x\nmetrics: [y:last]\n')).toMatch(/give a grid:, a sample:, or both/);
    expect(errorOf('scenario: [\n')).toMatch(/^spec\.yaml: not valid YAML/);
    expect(errorOf(GOOD.replace('diffusion_time: [2, 12]', 'ubi_amount: [2, 12]'))).toMatch(
      /sample\.params\.ubi_amount: also on the grid/,
    );
  });

  it('never throws anything but a one-line SweepSpecError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseSweepSpec(text, 'x.yaml');
        } catch (err) {
          expect(err).toBeInstanceOf(SweepSpecError);
          expect((err as Error).message).not.toMatch(/\n/);
        }
      }),
    );
  });

  it('publishes a JSON Schema that requires scenario and metrics', () => {
    const schema = sweepJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['scenario', 'metrics']));
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['scenario', 'grid', 'sample', 'metrics', 'set']),
    );
  });

  it('is published as schemas/sweep.schema.json, up to date (npx tsx scripts/publish-schemas.ts)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../schemas/sweep.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(sweepJsonSchema());
  });
});
