import { describe, expect, it } from 'vitest';
import { analyseNames, suggest } from '../src/analyse.js';
import { compile } from '../src/compile.js';
import { loadModel } from '../src/load-model.js';
import { engineError, yaml } from './fixtures/harness.js';

const analyse = (...lines: string[]) => analyseNames(loadModel(yaml(...lines)));

describe('analyseNames: undefined names', () => {
  it('reports an undefined name at its position with a did-you-mean hint', () => {
    const e = engineError(() => analyse('params:', '  consumption: 1', 'equations:', '  - Y = consumptoin + 1'));
    expect(e.code).toBe('undefined-name');
    // "  - Y = consumptoin + 1": the equation text starts at column 5, the name at column 9.
    expect(e.pos).toEqual({ file: '<text>', line: 4, col: 9 });
    expect(e.message).toContain("'consumptoin' is not defined");
    expect(e.message).toContain("did you mean 'consumption'?");
  });

  it('gives no hint when nothing is close', () => {
    const e = engineError(() => analyse('params:', '  alpha: 1', 'equations:', '  - Y = completely_different'));
    expect(e.code).toBe('undefined-name');
    expect(e.message).not.toContain('did you mean');
  });

  it('suggest() picks the closest candidate within the edit-distance limit', () => {
    expect(suggest('wgae', ['wage', 'tax'])).toBe(" (did you mean 'wage'?)");
    expect(suggest('xyz', ['wage', 'tax'])).toBe('');
  });

  it('checks names in hidden identities, matrix cells and initial values', () => {
    const hidden = engineError(() => analyse('equations:', '  - y = 1', 'hidden:', '  - y = nothing'));
    expect(hidden.message).toContain("hidden identity 'y = nothing'");
    const cell = engineError(() =>
      analyse(
        'equations:',
        '  - y = 1',
        'matrices:',
        '  tfm: { kind: flow, sectors: [a, b], rows: { r: { a: "y", b: "-yy2" } } }',
      ),
    );
    expect(cell.message).toContain("matrix 'tfm', row 'r', column 'b'");
    const initial = engineError(() => analyse('initial: { y: "q * 2" }', 'equations:', '  - y = y[-1]'));
    expect(initial.message).toContain("initial value of 'y'");
  });
});

describe('analyseNames: definitions', () => {
  it('reports a name defined twice and names both positions', () => {
    const e = engineError(() => analyse('params:', '  x: 1', 'equations:', '  - x = 2'));
    expect(e.code).toBe('duplicate-name');
    // Params are registered first, so the equation (line 4, col 5) is the second definition.
    expect(e.pos).toEqual({ file: '<text>', line: 4, col: 5 });
    expect(e.message).toContain("'x' is defined twice");
    expect(e.message).toContain('as a param at <text>:2:3');
  });

  it('reports two equations for one variable', () => {
    const e = engineError(() => analyse('equations:', '  - y = 1', '  - y = 2'));
    expect(e.code).toBe('duplicate-name');
    expect(e.pos?.line).toBe(3);
    expect(e.message).toContain('<text>:2:5');
  });

  it('rejects defining a reserved name or an engine-internal name', () => {
    // (The parser already refuses `time = ...` as an equation; a param can still try the name.)
    expect(engineError(() => analyse('params:', '  dt: 1', 'equations:', '  - y = 1')).code).toBe('duplicate-name');
    expect(engineError(() => analyse('equations:', '  - accounting_residual_max = 1')).code).toBe('duplicate-name');
    expect(engineError(() => analyse('equations:', '  - __x = 1')).code).toBe('bad-input');
  });

  it('rejects initial: for a param, and for a name that is not a variable', () => {
    const param = engineError(() => analyse('params:', '  a: 1', 'initial:', '  a: 2', 'equations:', '  - y = a'));
    expect(param.code).toBe('undefined-name');
    expect(param.message).toContain("initial: 'a' is a param");
    expect(param.pos).toEqual({ file: '<text>', line: 4, col: 3 });
    const unknown = engineError(() => analyse('initial:', '  wealht: 2', 'equations:', '  - wealth = wealth[-1]'));
    expect(unknown.message).toContain("did you mean 'wealth'?");
  });
});

describe('analyseNames: lags and tables', () => {
  it('reports a lag of an unknown name as bad-lag', () => {
    const e = engineError(() => analyse('equations:', '  - y = 1', '  - z = yy[-2] + y'));
    expect(e.code).toBe('bad-lag');
    expect(e.message).toContain("'yy[-2]'");
    expect(e.message).toContain("did you mean 'y'?");
    expect(e.pos).toEqual({ file: '<text>', line: 3, col: 9 });
  });

  it('accepts lags of params and variables', () => {
    const { names } = analyse('params:', '  a: 1', 'equations:', '  - y = a[-1] + y[-3]');
    expect([...names.params]).toEqual(['a']);
    expect([...names.variables]).toEqual(['y']);
  });

  it('rejects a table used as a series', () => {
    const e = engineError(() =>
      analyse('tables:', '  tbl: { x: [0, 1], y: [0, 2] }', 'equations:', '  - y = tbl + lookup(tbl, 0.5)'),
    );
    expect(e.code).toBe('undefined-name');
    expect(e.message).toContain("'tbl' is a table; read it with lookup(tbl, x)");
  });

  it('rejects lookup of an unknown table with a hint', () => {
    const e = engineError(() =>
      analyse('tables:', '  demand: { x: [0, 1], y: [0, 2] }', 'equations:', '  - y = lookup(demnad, 0.5)'),
    );
    expect(e.code).toBe('undefined-name');
    expect(e.message).toContain("lookup table 'demnad' is not defined (did you mean 'demand'?)");
  });
});

describe('analyseNames: unused params', () => {
  it('warns about a param nothing reads, and only about that one', () => {
    const compiled = compile(
      loadModel(
        yaml(
          'params:',
          '  used: 1',
          '  lagged: 1',
          '  shocked: 1',
          '  in_matrix: 1',
          '  forgotten: 2',
          'equations:',
          '  - y = used + lagged[-1]',
          'shocks:',
          '  - { set: shocked, value: 2, from: 2 }',
          'matrices:',
          '  m: { kind: flow, sectors: [a, b], rows: { r: { a: "in_matrix", b: "-in_matrix" } } }',
        ),
      ),
    );
    const unused = compiled.warnings.filter((w) => w.code === 'unused-param');
    expect(unused).toHaveLength(1);
    expect(unused[0].message).toContain("'forgotten'");
    expect(unused[0].pos).toEqual({ file: '<text>', line: 6, col: 3 });
  });
});
