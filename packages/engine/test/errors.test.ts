import { describe, expect, it } from 'vitest';
import { engineError, instanceOf, runText, yaml } from './fixtures/harness.js';

describe('division by zero', () => {
  const model = yaml('periods: 5', 'equations:', '  - x = period', '  - y = 1 / (x - 3)');

  it.each([false, true])('names the variable, the period and the operands (interpret: %s)', (interpret) => {
    // x_p = p, so the denominator x − 3 is 0 in period 3.
    const e = engineError(() => instanceOf(model).run({ interpret }));
    expect(e.code).toBe('division-by-zero');
    expect(e.message).toContain("division by zero in 'y' in period 3");
    expect(e.message).toContain('x - 3 = 0');
    expect(e.message).toContain('operands: x = 3');
    expect(e.pos).toEqual({ file: '<text>', line: 4, col: 5 });
    expect(e.detail.variable).toBe('y');
  });

  it('names the month on a monthly model and the zero sub-expression', () => {
    const monthly = yaml(
      'start: "2026-01"',
      'periods: 4',
      'params: { b: 2 }',
      'equations:',
      '  - c = 3 - period',
      '  - y = (b + c) / (b * c)',
    );
    // c = 0 in period 3 = March 2026; 0/0 would be NaN, here (2 + 0)/(2·0) is Infinity.
    const e = engineError(() => runText(monthly));
    expect(e.code).toBe('division-by-zero');
    expect(e.message).toContain('period 3 (2026-03)');
    expect(e.message).toContain('b * c = 0');
    expect(e.message).toMatch(/operands: .*b = 2.*c = 0/);
  });

  it('treats 0/0 as a division by zero too', () => {
    const e = engineError(() => runText(yaml('periods: 2', 'equations:', '  - x = 0', '  - y = x / x')));
    expect(e.code).toBe('division-by-zero');
    expect(e.message).toContain('period 1');
  });
});

describe('division by zero in a branch not taken', () => {
  it('blames the value that is not finite, not the untaken 1 / a', () => {
    // a = 0, so if(a > 0, 1 / a, 2) takes the else branch: y = 2 and no division happens.
    // z = log(y − 2) = log(0) = −Infinity is the real cause.
    const error = engineError(() =>
      runText(
        yaml('periods: 3', 'params: { a: 0 }', 'equations:', '  - y = if(a > 0, 1 / a, 2)', '  - z = log(y - 2)'),
      ),
    );
    expect(error.code).toBe('non-finite');
    expect(error.message).toContain("'z' is -Infinity in period 1");
    expect(error.message).not.toContain('division');
  });
});

describe('non-finite values', () => {
  it('names the variable, the value and the operands for log of a negative number', () => {
    // x = 1.5 − p: 0.5 in period 1, −0.5 in period 2, where log(x) is NaN.
    const e = engineError(() => runText(yaml('periods: 4', 'equations:', '  - x = 1.5 - period', '  - y = log(x)')));
    expect(e.code).toBe('non-finite');
    expect(e.message).toContain("'y' is NaN in period 2");
    expect(e.message).toContain('y = log(x)');
    expect(e.message).toContain('operands: x = -0.5');
    expect(e.detail.variable).toBe('y');
  });

  it('reports overflow to Infinity', () => {
    const e = engineError(() => runText(yaml('periods: 2', 'equations:', '  - x = 1000', '  - y = exp(x)')));
    expect(e.code).toBe('non-finite');
    expect(e.message).toContain("'y' is Infinity in period 1");
  });

  it('reports a NaN param given as a vector at the first variable that reads it', () => {
    const inst = instanceOf(yaml('periods: 2', 'params: { a: 1 }', 'equations:', '  - y = 2 * a'));
    const e = engineError(() => inst.run({ params: Float64Array.from([Number.NaN]) }));
    expect(e.code).toBe('non-finite');
    expect(e.message).toContain("'y' is NaN");
    expect(e.message).toContain('a = NaN');
  });

  it('reports NaN in an initial value before anything is solved', () => {
    const direct = engineError(() => runText(yaml('initial: { x: "0 / 0" }', 'equations:', '  - x = x[-1] + 1')));
    expect(direct.code).toBe('non-finite');
    expect(direct.message).toContain("period-0 value of 'x' is NaN");
    const fromParam = engineError(() =>
      runText(yaml('params: { a: -1 }', 'initial: { x: "log(a)" }', 'equations:', '  - x = x[-1] + 1')),
    );
    expect(fromParam.message).toContain("period-0 value of 'x' is NaN");
    const smoothed = engineError(() =>
      runText(yaml('params: { a: -1 }', 'equations:', '  - x = 1', '  - s = smooth(x, 2, sqrt(a))')),
    );
    expect(smoothed.code).toBe('non-finite');
    expect(smoothed.message).toContain('is NaN');
  });

  it('reports a division by zero inside a lowered expression as an internal variable of its owner', () => {
    const e = engineError(() =>
      runText(yaml('periods: 4', 'equations:', '  - x = period', '  - y = smooth(1 / (x - 2), 2)')),
    );
    expect(e.code).toBe('division-by-zero');
    expect(e.message).toContain('an internal variable');
    expect(e.message).toContain('period 2');
    expect(String(e.detail.variable)).toMatch(/\.y$/);
  });
});

describe('no convergence', () => {
  it('names every variable of the block, the period and the residuals for y = exp(z), z = y', () => {
    // exp(y) = y has no real solution: Newton and Gauss–Seidel must both give up.
    const e = engineError(() => runText(yaml('periods: 3', 'equations:', '  - y = exp(z)', '  - z = y')));
    expect(e.code).toBe('no-convergence');
    expect(e.message).toContain('{y, z}');
    expect(e.message).toContain('period 1');
    expect(e.message).toContain('residuals');
    expect([...(e.detail.block as string[])].sort()).toEqual(['y', 'z']);
  });
});
