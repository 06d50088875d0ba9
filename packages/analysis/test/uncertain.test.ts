import { type CompiledModel, compile, loadModel } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { uncertainParams } from '../src/uncertain.js';
import { errorOf } from './bad-input.js';

const MODEL = `name: tiny
periods: 6
params:
  alpha_wealth: { value: 0.03, range: [0.02, 0.05], dist: normal }
  growth: { value: 0.2, range: [0.1, 0.3] }
  share: { value: 0.5, range: [0, 1], dist: beta, shape: [2, 3] }
  price: { value: 2, range: [1, 4], dist: lognormal }
  fixed: 5
equations:
  - y = alpha_wealth * fixed + growth + share * price
`;

const compiled = compile(loadModel(MODEL));

/** The same model with one param line replaced. */
const variant = (line: string, replacement: string): CompiledModel =>
  compile(loadModel(MODEL.replace(line, replacement)));

describe('uncertainParams', () => {
  it('takes every param with a range, in slot order, with the model’s value, dist (default uniform) and shape', () => {
    const params = uncertainParams(compiled);
    const order = compiled.slots.filter((s) => s.kind === 'param' && s.range).map((s) => s.name);
    expect(params.map((p) => p.name)).toEqual(order);
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(byName.alpha_wealth).toEqual({ name: 'alpha_wealth', value: 0.03, range: [0.02, 0.05], dist: 'normal' });
    expect(byName.growth).toEqual({ name: 'growth', value: 0.2, range: [0.1, 0.3], dist: 'uniform' });
    expect(byName.share).toEqual({ name: 'share', value: 0.5, range: [0, 1], dist: 'beta', shape: [2, 3] });
    expect(byName.price.dist).toBe('lognormal');
    expect(byName.fixed).toBeUndefined();
  });

  it('lets a scenario narrow or widen a range, keep the model’s dist, change it, or add a range', () => {
    const params = uncertainParams(compiled, {
      alpha_wealth: { range: [0.025, 0.035] },
      growth: { range: [0, 1], dist: 'triangular' },
      fixed: { range: [4, 6] },
      share: { range: [0.2, 0.8] },
    });
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(byName.alpha_wealth).toMatchObject({ range: [0.025, 0.035], dist: 'normal', value: 0.03 });
    expect(byName.growth).toMatchObject({ range: [0, 1], dist: 'triangular' });
    expect(byName.fixed).toEqual({ name: 'fixed', value: 5, range: [4, 6], dist: 'uniform' });
    expect(byName.share).toMatchObject({ range: [0.2, 0.8], dist: 'beta', shape: [2, 3] });
  });

  it('keeps only the params named in `only`, in slot order', () => {
    const params = uncertainParams(compiled, {}, ['price', 'growth']);
    expect(params.map((p) => p.name).sort()).toEqual(['growth', 'price']);
  });

  it('centres distributions on the scenario’s values when given', () => {
    const [p] = uncertainParams(compiled, {}, ['alpha_wealth'], { alpha_wealth: 0.04 });
    expect(p.value).toBe(0.04);
  });

  it('rejects an unknown param with a suggestion, and a variable', () => {
    expect(errorOf(() => uncertainParams(compiled, { alpha_welth: { range: [0, 1] } }))).toBe(
      "uncertainty: 'alpha_welth' is not a param of model 'tiny' (did you mean 'alpha_wealth'?)",
    );
    expect(errorOf(() => uncertainParams(compiled, { zzz: { range: [0, 1] } }))).toBe(
      "uncertainty: 'zzz' is not a param of model 'tiny'",
    );
    expect(errorOf(() => uncertainParams(compiled, { y: { range: [0, 1] } }))).toBe(
      "uncertainty: 'y' is a variable, not a param; only params can be uncertain",
    );
    expect(errorOf(() => uncertainParams(compiled, {}, ['grwth']))).toBe(
      "uncertain params: 'grwth' is not a param of model 'tiny' (did you mean 'growth'?)",
    );
  });

  it('rejects a name in `only` that has no range', () => {
    expect(errorOf(() => uncertainParams(compiled, {}, ['fixed']))).toBe(
      "'fixed' has no range: give it one, e.g. uncertainty: { fixed: { range: [lo, hi] } }",
    );
  });

  it('rejects impossible ranges, from a scenario or from the model', () => {
    expect(errorOf(() => uncertainParams(compiled, { growth: { range: [0.3, 0.1] } }))).toBe(
      "uncertainty: 'growth': range [0.3, 0.1] is impossible: give [lo, hi] with finite lo < hi",
    );
    expect(errorOf(() => uncertainParams(compiled, { growth: { range: [0.2, 0.2] } }))).toContain('is impossible');
    const bad = variant('range: [0.1, 0.3] }', 'range: [0.3, 0.1] }');
    expect(errorOf(() => uncertainParams(bad))).toBe(
      "param 'growth' in the model: range [0.3, 0.1] is impossible: give [lo, hi] with finite lo < hi",
    );
  });

  it('rejects a value outside a non-uniform range, but not outside a uniform one', () => {
    expect(errorOf(() => uncertainParams(compiled, { alpha_wealth: { range: [0.04, 0.05] } }))).toBe(
      "uncertainty: 'alpha_wealth': value 0.03 lies outside its normal range [0.04, 0.05]; widen the range or use dist: uniform",
    );
    expect(uncertainParams(compiled, { alpha_wealth: { range: [0.04, 0.05], dist: 'uniform' } })[0].dist).toBe(
      'uniform',
    );
  });

  it('rejects an unknown dist, a beta without a valid shape, and a lognormal that is not positive', () => {
    expect(errorOf(() => uncertainParams(compiled, { growth: { range: [0, 1], dist: 'gamma' } }))).toBe(
      "uncertainty: 'growth': unknown dist 'gamma'; use one of uniform, normal, lognormal, triangular, beta",
    );
    expect(errorOf(() => uncertainParams(compiled, { growth: { range: [0, 1], dist: 'beta' } }))).toBe(
      "uncertainty: 'growth': dist beta needs shape: [a, b] (e.g. [2, 2])",
    );
    expect(errorOf(() => uncertainParams(compiled, { share: { range: [0, 1], shape: [0, 2] } }))).toBe(
      "uncertainty: 'share': beta shape [0, 2] must be two positive numbers",
    );
    expect(errorOf(() => uncertainParams(compiled, { growth: { range: [-1, 1], dist: 'lognormal' } }))).toBe(
      "uncertainty: 'growth': a lognormal needs a positive range and value, got range [-1, 1]",
    );
  });
});
