import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { instantiate } from '../src/instance.js';
import { loadModel } from '../src/load-model.js';
import { engineError, firstDifference, memoryFiles, yaml } from './fixtures/harness.js';

const fixture = (rel: string) => fileURLToPath(new URL(`./fixtures/${rel}`, import.meta.url));

describe('loadModel: text or path', () => {
  it('gives the same model from a path and from the same text', () => {
    const path = fixture('sim.yaml');
    const fromPath = loadModel(path);
    const fromText = loadModel(readFileSync(path, 'utf8'));
    expect(fromPath.files).toEqual([path]);
    expect(fromText.files).toEqual(['<text>']);
    expect(fromPath.equations[0].pos.file).toBe(path);
    expect(fromText.equations.map((e) => e.text)).toEqual(fromPath.equations.map((e) => e.text));
    const a = instantiate(compile(fromPath)).run();
    const b = instantiate(compile(fromText)).run();
    expect(firstDifference(a.buffer, b.buffer)).toBe(-1);
    // SIM, period 1 from H = 0: Y = G / (1 − α1(1 − θ)) = 20 / 0.52.
    expect(a.series('Y')[1]).toBeCloseTo(20 / 0.52, 12);
  });

  it('names text by options.fileName in positions', () => {
    const ir = loadModel(yaml('equations:', '  - y = 1'), { fileName: 'models/m.yaml' });
    expect(ir.equations[0].pos).toEqual({ file: 'models/m.yaml', line: 2, col: 5 });
  });

  it('treats a string without a newline as a path', () => {
    const e = engineError(() => loadModel('y = 1'));
    expect(e.code).toBe('file-not-found');
    expect(e.message).toContain("'y = 1'");
  });
});

describe('loadModel: include', () => {
  it('resolves include paths relative to the including file', () => {
    const fs = memoryFiles({
      'models/root.yaml': yaml('include: [sectors/bank.yaml]', 'equations:', '  - y = r + spread'),
      'models/sectors/bank.yaml': yaml('include: [../common/rates.yaml]', 'params:', '  spread: 0.02'),
      'models/common/rates.yaml': yaml('params:', '  r: 0.05'),
    });
    const ir = loadModel('models/root.yaml', { readFile: fs.readFile });
    expect(fs.read).toEqual(['models/root.yaml', 'models/sectors/bank.yaml', 'models/common/rates.yaml']);
    expect(ir.files).toEqual(fs.read);
    expect(ir.params.map((p) => [p.name, p.value])).toEqual([
      ['spread', 0.02],
      ['r', 0.05],
    ]);
  });

  it('instantiates one template twice with as: prefixes and params: overrides', () => {
    const ir = loadModel(fixture('households/root.yaml'));
    const value = (n: string) => ir.params.find((p) => p.name === n)?.value;
    expect(value('hh_a.alpha')).toBe(0.8);
    expect(value('hh_a.wage')).toBe(100);
    expect(value('hh_b.alpha')).toBe(0.6);
    expect(value('hh_b.wage')).toBe(50);
    expect(value('alpha')).toBe(0.5);
    expect(ir.equations.map((e) => e.name).sort()).toEqual(['G', 'hh_a.C', 'hh_a.S', 'hh_b.C', 'hh_b.S', 'total_C']);
    expect(ir.files).toHaveLength(3);
    const r = instantiate(compile(ir)).run();
    // Inside the template 'alpha' and 'wage' are its own (prefixed) params; 'tax' is the global 0.25.
    // hh_a.C = 0.8 · 100 · 0.75 = 60; hh_b.C = 0.6 · 50 · 0.75 = 22.5.
    expect(r.series('hh_a.C')[1]).toBeCloseTo(60, 12);
    expect(r.series('hh_b.C')[1]).toBeCloseTo(22.5, 12);
    // S = wage · (1 − tax) − C: 75 − 60 and 37.5 − 22.5.
    expect(r.series('hh_a.S')[1]).toBeCloseTo(15, 12);
    expect(r.series('hh_b.S')[1]).toBeCloseTo(15, 12);
    // The root's unqualified 'alpha' is the global 0.5: G = 0.5 · (60 + 22.5).
    expect(r.series('G')[1]).toBeCloseTo(41.25, 12);
  });

  it('reports a duplicate when a template is included twice without as:', () => {
    const fs = memoryFiles({
      'root.yaml': yaml('include: [t.yaml, t.yaml]', 'equations:', '  - y = 1'),
      't.yaml': yaml('equations:', '  - x = 2'),
    });
    const e = engineError(() => compile(loadModel('root.yaml', fs)));
    expect(e.code).toBe('duplicate-name');
    expect(e.message).toContain("'x'");
  });

  it('rejects include params: that are not params of the included file', () => {
    const fs = memoryFiles({
      'root.yaml': yaml('include:', '  - { file: t.yaml, as: a, params: { beta: 1 } }', 'equations:', '  - y = 1'),
      't.yaml': yaml('params:', '  alpha: 1', 'equations:', '  - x = alpha'),
    });
    const e = engineError(() => loadModel('root.yaml', fs));
    expect(e.code).toBe('undefined-name');
    expect(e.message).toContain("'beta'");
    expect(e.pos).toEqual({ file: 'root.yaml', line: 2, col: 5 });
  });

  it('reports an include cycle with the chain of files', () => {
    const fs = memoryFiles({
      'm/a.yaml': yaml('include: [b.yaml]', 'equations:', '  - y = 1'),
      'm/b.yaml': yaml('include: [a.yaml]'),
    });
    const e = engineError(() => loadModel('m/a.yaml', fs));
    expect(e.code).toBe('include-cycle');
    expect(e.message).toContain('m/a.yaml → m/b.yaml → m/a.yaml');
  });

  it('reports a missing included file at the include entry', () => {
    const fs = memoryFiles({ 'models/root.yaml': yaml('equations:', '  - y = 1', 'include:', '  - parts/nope.yaml') });
    const e = engineError(() => loadModel('models/root.yaml', fs));
    expect(e.code).toBe('file-not-found');
    expect(e.pos).toEqual({ file: 'models/root.yaml', line: 4, col: 5 });
    expect(e.message).toMatch(/^models\/root\.yaml:4:5: /);
    expect(e.message).toContain('models/parts/nope.yaml');
  });
});

describe('loadModel: header and sections', () => {
  it('rejects an unknown top-level key with file:line:col', () => {
    const e = engineError(() =>
      loadModel(yaml('name: x', 'periods: 3', 'equatoins:', '  - y = 1'), { fileName: 'm.yaml' }),
    );
    expect(e.code).toBe('unknown-key');
    expect(e.pos).toEqual({ file: 'm.yaml', line: 3, col: 1 });
    expect(e.message).toMatch(/^m\.yaml:3:1: .*'equatoins'/);
  });

  it('reads start "YYYY-MM" as years with monthly periods and month shocks as periods', () => {
    const text = yaml(
      'start: "2026-01"',
      'periods: 12',
      'params: { G: 1 }',
      'equations:',
      '  - y = G',
      '  - clock = time',
      'shocks:',
      '  - { set: G, value: 2, from: "2026-06" }',
    );
    const ir = loadModel(text);
    expect(ir.start).toBe(2026);
    expect(ir.startMonth).toBe('2026-01');
    expect(ir.dt).toBe(1 / 12);
    expect(ir.timeUnit).toBe('yr');
    // June is the sixth month counted from January = period 1.
    expect(ir.shocks[0].from).toBe(6);
    const r = instantiate(compile(ir)).run();
    // time of period p = 2026 + (p − 1)/12; period 7 is July = 2026.5.
    expect(r.time[1]).toBe(2026);
    expect(r.time[7]).toBeCloseTo(2026.5, 12);
    expect(r.series('clock')[12]).toBeCloseTo(2026 + 11 / 12, 12);
    expect(Array.from(r.series('y').subarray(1))).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('rejects a month shock before the start', () => {
    const text = yaml(
      'start: "2026-01"',
      'params: { G: 1 }',
      'equations: ["y = G"]',
      'shocks: [{ set: G, value: 2, from: "2025-12" }]',
    );
    expect(engineError(() => loadModel(text)).code).toBe('bad-shock');
  });

  it('evaluates dt given as an expression', () => {
    const ir = loadModel(yaml('dt: 1/12', 'periods: 24', 'equations:', '  - y = 1'));
    expect(ir.dt).toBe(1 / 12);
    expect(ir.periods).toBe(24);
    expect(ir.start).toBe(1);
  });

  it('evaluates param values written in terms of other params, in any order', () => {
    const ir = loadModel(
      yaml(
        'params:',
        '  b: "2 * a + 1"',
        '  c: { value: "b / 2 + max(a, 10)", unit: "1" }',
        '  a: 3',
        'equations:',
        '  - y = a + b + c',
      ),
    );
    // a = 3, b = 2·3 + 1 = 7, c = 7/2 + 10 = 13.5.
    expect(ir.params.map((p) => [p.name, p.value])).toEqual([
      ['b', 7],
      ['c', 13.5],
      ['a', 3],
    ]);
  });

  it('rejects a param defined in terms of itself and a param reading a non-param', () => {
    const cyclic = yaml('params:', '  a: "b + 1"', '  b: "a * 2"', 'equations:', '  - y = a');
    expect(engineError(() => loadModel(cyclic)).code).toBe('bad-param');
    const unknown = yaml('params:', '  a: "y + 1"', 'equations:', '  - y = a');
    expect(engineError(() => loadModel(unknown)).code).toBe('undefined-name');
  });

  it('applies the defaults dt = 1, start = 1, time_unit = period', () => {
    const ir = loadModel(yaml('equations:', '  - y = 1'));
    expect([ir.dt, ir.start, ir.timeUnit]).toEqual([1, 1, 'period']);
  });
});
