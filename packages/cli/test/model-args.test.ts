import { afterEach, describe, expect, it } from 'vitest';
import { CliError } from '../src/errors.js';
import { PRESETS_DIR_ENV, parseMonthOption, parseSetPairs, presetOptions } from '../src/model-args.js';

describe('parseSetPairs', () => {
  it('turns repeated name=value into numbers, the last one winning', () => {
    expect(parseSetPairs(['a=1', 'hh_pro.alpha = 0.5', 'a=2e-3'])).toEqual({ a: 0.002, 'hh_pro.alpha': 0.5 });
    expect(parseSetPairs([])).toEqual({});
  });

  it('rejects anything that is not name=number, as a usage error', () => {
    for (const bad of ['a', 'a=', '=1', 'a=x', 'a=Infinity', '1a=2']) {
      expect(() => parseSetPairs([bad]), bad).toThrowError(CliError);
    }
    expect(() => parseSetPairs(['a=x'])).toThrowError(/^bad --set 'a=x': expected name=number/);
  });
});

describe('parseMonthOption', () => {
  it('accepts YYYY-MM and passes undefined through', () => {
    expect(parseMonthOption('2027-12', '--to')).toBe('2027-12');
    expect(parseMonthOption(undefined, '--to')).toBeUndefined();
    expect(() => parseMonthOption('2027-1', '--from')).toThrowError(/^bad --from '2027-1': expected a month YYYY-MM/);
  });
});

describe('presetOptions', () => {
  const saved = process.env[PRESETS_DIR_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[PRESETS_DIR_ENV];
    else process.env[PRESETS_DIR_ENV] = saved;
  });

  it('reads the presets folder from the environment, else leaves the default', () => {
    delete process.env[PRESETS_DIR_ENV];
    expect(presetOptions()).toEqual({});
    process.env[PRESETS_DIR_ENV] = 'some/dir/';
    expect(presetOptions()).toEqual({ dir: 'some/dir' });
  });
});
