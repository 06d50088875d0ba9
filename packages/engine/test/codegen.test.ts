import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompiledModel } from '../src/api-types.js';
import { buildProgram } from '../src/build-program.js';
import { assertWhitelisted, generateSource } from '../src/codegen.js';
import { compile } from '../src/compile.js';
import { instantiate } from '../src/instance.js';
import { loadModel } from '../src/load-model.js';
import { engineError, firstDifference, yaml } from './fixtures/harness.js';

const simPath = fileURLToPath(new URL('./fixtures/sim.yaml', import.meta.url));
const strict = (body: string) => `"use strict";\n${body}`;

describe('assertWhitelisted', () => {
  it('accepts the generated source of a model with tables, lags, lagt, smooth and checks', () => {
    const compiled = compile(
      loadModel(
        yaml(
          'params: { a: 2 }',
          'tables: { tb: { x: [0, 1], y: [1, 3] } }',
          'equations:',
          '  - x = x[-1] + dt * (a - x[-2])',
          '  - y = lookup(tb, x) + lagt(x, 1.5) + smooth(x, 2) + step(1, 3) + ramp(1, 2, 4) + pulse(1, 2, 1)',
          '  - z = if(x > 1 and not (y < 0), log(abs(y) + 1, 10), -x ^ 2)',
          'hidden: ["x = x"]',
        ),
      ),
    );
    expect(compiled.source.startsWith('"use strict";')).toBe(true);
    expect(() => assertWhitelisted(compiled.source)).not.toThrow();
  });

  it('accepts SIM and keeps user names out of the source', () => {
    const compiled = compile(loadModel(simPath));
    expect(() => assertWhitelisted(compiled.source)).not.toThrow();
    for (const name of ['alpha1', 'theta', 'Hh', 'consumption', 'tfm']) expect(compiled.source).not.toContain(name);
  });

  it('keeps hostile user names out of the source', () => {
    const compiled = compile(
      loadModel(yaml('params: { process: 1, constructor: 2 }', 'equations:', '  - eval = process + constructor')),
    );
    expect(compiled.source).not.toMatch(/process|constructor|eval/);
    expect(instantiate(compiled).run({ periods: 1 }).series('eval')[1]).toBe(3);
  });

  it('accepts hand-written code in the generated style', () => {
    expect(() =>
      assertWhitelisted(strict('function c0(o,S,p,t,dt){const q1=p>1?p-1:0;\no[1*S+p]=(o[2*S+q1]/(-2.5e-3));\n}')),
    ).not.toThrow();
  });

  it.each([
    ['a string literal', "const x='a';"],
    ['a double-quoted string after the directive', 'const x="a";'],
    ['a block comment', 'return o; /* o */'],
    ['a line comment', 'return o; // return o'],
    ['a regular expression', 'return /o/;'],
    ['an unknown identifier', 'process.exit(1);'],
    ['a property outside the whitelist', 'return o.constructor;'],
    ['a template literal', 'return `o`;'],
    ['a backslash', 'return o\\u0028;'],
  ])('rejects %s', (_what, body) => {
    expect(engineError(() => assertWhitelisted(strict(body))).code).toBe('codegen');
  });
});

describe('generateSource', () => {
  it('writes number literals that read back as the same double, including −0', () => {
    const { program, slots } = buildProgram(loadModel(yaml('equations:', '  - y = 1 / z', '  - z = 0')));
    const z = program.equations.find((e) => e.name === 'z')!;
    z.expr = { kind: 'num', value: -0, pos: z.expr.pos };
    const source = generateSource(
      program,
      slots.map((s) => s.name),
    );
    expect(source).toContain('=(-0);');
  });

  it('computes literals exactly as JavaScript does', () => {
    const r = instantiate(
      compile(loadModel(yaml('equations:', '  - y = 0.1 + 0.2', '  - z = 123456789.123456789 * 1e-300 / 3'))),
    ).run({ periods: 1 });
    expect(r.series('y')[1]).toBe(0.1 + 0.2);
    // The literal has more digits than a double holds; both must round it the same way.
    expect(r.series('z')[1]).toBe((Number('123456789.123456789') * 1e-300) / 3);
  });

  it('produces a compiled model that survives JSON and runs the same', () => {
    const compiled = compile(loadModel(simPath));
    const copy = JSON.parse(JSON.stringify(compiled)) as CompiledModel;
    const a = instantiate(compiled).run();
    const b = instantiate(copy).run();
    expect(firstDifference(a.buffer, b.buffer)).toBe(-1);
    // Y* = G/θ = 100 is approached from below; after 10 periods Y is between period 1's value and 100.
    const y = a.series('Y');
    expect(y[10]).toBeGreaterThan(y[1]);
    expect(y[10]).toBeLessThan(100);
  });

  it('gives compiled and interpreted runs that agree bit for bit on SIM', () => {
    const inst = instantiate(compile(loadModel(simPath)));
    const compiled = inst.run();
    const interpreted = inst.run({ interpret: true });
    expect(firstDifference(compiled.buffer, interpreted.buffer)).toBe(-1);
  });
});
