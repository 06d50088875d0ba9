import { describe, expect, it } from 'vitest';
import { instanceOf, yaml } from './fixtures/harness.js';

describe('run({ reuseBuffer: true })', () => {
  it('gives the same numbers as a fresh run, whatever ran before', () => {
    // SIM with a shock: the second run's period 0 and every later period must not see the first run's values.
    const text = yaml(
      'periods: 20',
      'params: { G: 20, theta: 0.2, a1: 0.6, a2: 0.4 }',
      'equations:',
      '  - Y = C + G',
      '  - T = theta * Y',
      '  - YD = Y - T',
      '  - C = a1 * YD + a2 * H[-1]',
      '  - H = H[-1] + dt * (YD - C)',
    );
    const instance = instanceOf(text);
    const fresh = Array.from(instance.run({ params: { G: 25 } }).series('Y'));
    const first = instance.run({ params: { G: 40 }, reuseBuffer: true });
    const firstY = Array.from(first.series('Y'));
    const second = instance.run({ params: { G: 25 }, reuseBuffer: true });
    expect(Array.from(second.series('Y'))).toEqual(fresh);
    expect(firstY).not.toEqual(fresh);
  });
});
