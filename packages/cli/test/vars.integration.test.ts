import { describe, expect, it } from 'vitest';
import { runWithPresets } from './endgame-fixtures.js';
import { FIXTURES, lines, runCli } from './run-cli.js';

const SIM = `${FIXTURES}/sim.yaml`;

interface VarsJson {
  model: string;
  vars: {
    name: string;
    kind: string;
    unit: string | null;
    doc: string | null;
    source: string | null;
    equation: string | null;
    role: string | null;
  }[];
}

describe('endgame vars', () => {
  it('lists every param and variable of SIM as JSON with kind, unit, doc, source, equation and role', () => {
    const run = runCli('vars', SIM, '--format', 'json');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as VarsJson;
    expect(out.model).toBe('SIM');
    const byName = new Map(out.vars.map((row) => [row.name, row]));
    for (const row of out.vars) {
      expect(Object.keys(row).sort()).toEqual(['doc', 'equation', 'kind', 'name', 'role', 'source', 'unit']);
    }
    for (const name of ['G', 'theta', 'alpha1', 'alpha2', 'W']) expect(byName.get(name)?.kind, name).toBe('param');
    for (const name of ['Y', 'T', 'N', 'YD', 'C', 'Hh', 'Hs']) expect(byName.get(name)?.kind, name).toBe('variable');
    expect(byName.get('theta')).toMatchObject({ unit: '1', doc: 'tax rate', source: 'G&L p.66' });
    expect(byName.get('Hh')?.doc).toBe('household money');
    expect(byName.get('Y')?.equation).toMatch(/^Y = C \+ G$/);
    expect(out.vars.some((row) => row.name.startsWith('__'))).toBe(false);
  });

  it('prints an aligned table by default', () => {
    const run = runCli('vars', SIM);
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    const headerIndex = out.findIndex((line) => line.startsWith('name'));
    expect(out[headerIndex].split(/\s{2,}/).slice(0, 3)).toEqual(['name', 'kind', 'unit']);
    const kindColumn = out[headerIndex].indexOf('kind');
    const thetaRow = out.find((line) => line.startsWith('theta '));
    expect(thetaRow?.slice(kindColumn, kindColumn + 5)).toBe('param');
    expect(thetaRow).toContain('tax rate');
  });

  it('says that a model file is needed when INPUT is missing and there is no baseline preset', () => {
    const run = runWithPresets('packages/cli/test/fixtures/no-presets-here', 'vars');
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^endgame: vars needs a model file/)]);
  });
});
