import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySetOverrides, loadScenario, type ResolvedScenario } from '../src/load-scenario.js';
import { scenarioJsonSchema } from '../src/scenario-schema.js';
import { validateScenario } from '../src/scenario-validate.js';
import { engineError } from './fixtures/harness.js';

/** An in-memory file system: readFile for a map of path → text, recording what was read. */
function files(map: Record<string, string>): { readFile: (p: string) => string; read: string[] } {
  const read: string[] = [];
  return {
    read,
    readFile: (p: string) => {
      read.push(p);
      if (!(p in map)) throw new Error(`ENOENT: no such file '${p}'`);
      return map[p];
    },
  };
}

const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('loadScenario: one file', () => {
  it('reads every key and fills defaults', () => {
    const s = loadScenario(
      text([
        'description: "AI tax"',
        'model: ../model/endgame.yaml',
        'set: { ai_tax_rate: 0.1 }',
        'paths:',
        '  growth: { 2025-10: 0.4, 2026-06: 0.9, 12: 1.5 }',
        'triggers:',
        '  - { when: "u > 0.07", sustain: 0.25, set: { ubi_on: 1 }, latch: true }',
        '  - { when: "u < 0.02", set: { ubi_on: 0 } }',
        'uncertainty:',
        '  alpha: { range: [0.02, 0.04] }',
        '  beta_p: { range: [0, 1], dist: beta, shape: [2, 5] }',
        'periods: 120',
        'dt: 0.5',
        'meta: { author: someone, tags: [a, b] }',
      ]),
      { fileName: 'scenarios/ai-tax.yaml' },
    );
    expect(s).toEqual({
      name: 'ai-tax',
      description: 'AI tax',
      files: ['scenarios/ai-tax.yaml'],
      model: 'model/endgame.yaml',
      set: { ai_tax_rate: 0.1 },
      paths: { growth: { '2025-10': 0.4, '2026-06': 0.9, '12': 1.5 } },
      triggers: [
        { when: 'u > 0.07', sustain: 0.25, set: { ubi_on: 1 }, latch: true },
        { when: 'u < 0.02', set: { ubi_on: 0 } },
      ],
      uncertainty: {
        alpha: { range: [0.02, 0.04], dist: 'uniform' },
        beta_p: { range: [0, 1], dist: 'beta', shape: [2, 5] },
      },
      periods: 120,
      dt: 0.5,
    });
  });

  it('names text input without a file name "scenario" and labels it <text>', () => {
    const s = loadScenario('set: { a: 1 }\n');
    expect(s.name).toBe('scenario');
    expect(s.files).toEqual(['<text>']);
    expect(s.description).toBe('');
    expect(s.triggers).toEqual([]);
  });

  it('reads a path (no newline) through the injected readFile', () => {
    const fs = files({ 'dir/s.yml': 'set: { a: 2 }\n' });
    const s = loadScenario('dir/s.yml', { readFile: fs.readFile });
    expect(s.set).toEqual({ a: 2 });
    expect(s.name).toBe('s');
    expect(fs.read).toEqual(['dir/s.yml']);
  });

  it('reads from disk with node:fs when no readFile is given, following extends relative to the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'endgame-scenario-'));
    try {
      mkdirSync(join(dir, 'presets'));
      writeFileSync(join(dir, 'presets', 'base.yaml'), 'set: { a: 1, b: 1 }\n');
      writeFileSync(join(dir, 'mine.yaml'), 'extends: presets/base.yaml\nset: { b: 2 }\n');
      const s = loadScenario(join(dir, 'mine.yaml'));
      expect(s.set).toEqual({ a: 1, b: 2 });
      expect(s.files).toEqual([join(dir, 'presets', 'base.yaml'), join(dir, 'mine.yaml')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a model name that is not a path as it is', () => {
    expect(loadScenario('model: endgame\n').model).toBe('endgame');
  });

  it('has no static node: import, so it bundles for the browser', () => {
    const source = readFileSync(new URL('../src/load-scenario.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import[^;]*from 'node:/m);
  });
});

describe('loadScenario: extends chains', () => {
  const chain = {
    'presets/root.yaml': text([
      'description: root',
      'model: ../models/m.yaml',
      'set: { a: 1, b: 1, c: 1 }',
      'paths: { p: { 1: 1, 10: 2 }, q: { 1: 5 } }',
      'triggers: [{ when: "x > 1", set: { a: 9 } }]',
      'uncertainty: { a: { range: [0, 1], dist: normal }, b: { range: [0, 2] } }',
      'periods: 10',
      'dt: 1',
    ]),
    'scenarios/base.yaml': text([
      'extends: ../presets/root.yaml',
      'set: { b: 2, c: 2 }',
      'paths: { p: { 2025-01: 7 } }',
      'triggers: [{ when: "x > 2", set: { b: 9 }, latch: true }]',
      'uncertainty: { a: { range: [5, 6] } }',
      'to: 2030-12',
    ]),
    'scenarios/user/mine.yaml': text([
      'extends: ../base.yaml',
      'description: mine',
      'set: { c: 3 }',
      'triggers: [{ when: "x > 3", sustain: 1, set: { c: 9 } }]',
      'dt: 0.25',
    ]),
  };

  it('merges base first: set/paths/uncertainty by key, triggers concatenated, scalars later-wins', () => {
    const fs = files(chain);
    const s = loadScenario('scenarios/user/mine.yaml', { readFile: fs.readFile });
    expect(s.files).toEqual(['presets/root.yaml', 'scenarios/base.yaml', 'scenarios/user/mine.yaml']);
    expect(fs.read).toEqual(['scenarios/user/mine.yaml', 'scenarios/base.yaml', 'presets/root.yaml']);
    expect(s.name).toBe('mine');
    expect(s.description).toBe('mine');
    expect(s.model).toBe('models/m.yaml');
    expect(s.set).toEqual({ a: 1, b: 2, c: 3 });
    expect(s.paths).toEqual({ p: { '2025-01': 7 }, q: { '1': 5 } });
    expect(s.triggers.map((t) => t.when)).toEqual(['x > 1', 'x > 2', 'x > 3']);
    expect(s.triggers[1]).toEqual({ when: 'x > 2', set: { b: 9 }, latch: true });
    expect(s.triggers[2]).toEqual({ when: 'x > 3', sustain: 1, set: { c: 9 } });
    expect(s.uncertainty).toEqual({ a: { range: [5, 6], dist: 'uniform' }, b: { range: [0, 2], dist: 'uniform' } });
    expect(s.dt).toBe(0.25);
    // `to` in a later file replaces `periods` from an earlier one.
    expect(s.to).toBe('2030-12');
    expect(s.periods).toBeUndefined();
  });

  it('resolves model paths against the file that named them, even deep in the chain', () => {
    const fs = files({ ...chain, 'scenarios/base.yaml': `${chain['scenarios/base.yaml']}model: local/m2.yaml\n` });
    expect(loadScenario('scenarios/user/mine.yaml', { readFile: fs.readFile }).model).toBe('scenarios/local/m2.yaml');
  });

  it('resolves relative paths of text input against its fileName', () => {
    const fs = files(chain);
    const s = loadScenario('extends: base.yaml\nset: { a: 4 }\n', {
      readFile: fs.readFile,
      fileName: 'scenarios/x.yaml',
    });
    expect(s.files).toEqual(['presets/root.yaml', 'scenarios/base.yaml', 'scenarios/x.yaml']);
    expect(s.set).toEqual({ a: 4, b: 2, c: 2 });
  });

  it('applies precedence model < extends < file < --set', () => {
    const modelParams = { a: 0, b: 0, c: 0, d: 0 };
    const fs = files({
      'base.yaml': 'set: { a: 1, b: 1, c: 1 }\n',
      'file.yaml': 'extends: base.yaml\nset: { b: 2, c: 2 }\n',
    });
    const s = applySetOverrides(loadScenario('file.yaml', { readFile: fs.readFile }), { c: 3 });
    expect({ ...modelParams, ...s.set }).toEqual({ a: 1, b: 2, c: 3, d: 0 });
  });

  it('resolves preset names through resolvePreset (a path or YAML text)', () => {
    const fs = files({ 'presets/baseline.yaml': 'extends: shared\nset: { a: 1 }\n' });
    const resolvePreset = (name: string) =>
      name === 'baseline' ? 'presets/baseline.yaml' : name === 'shared' ? 'set: { z: 5 }\n' : undefined;
    const s = loadScenario('extends: baseline\nset: { b: 2 }\n', { readFile: fs.readFile, resolvePreset });
    expect(s.set).toEqual({ z: 5, a: 1, b: 2 });
    expect(s.files).toEqual(['preset:shared', 'presets/baseline.yaml', '<text>']);
  });

  it('treats a value with a slash but no .yaml as a path', () => {
    const fs = files({ 'base/x': 'set: { a: 1 }\n' });
    expect(loadScenario('extends: base/x\n', { readFile: fs.readFile }).set).toEqual({ a: 1 });
  });

  it('rejects an unknown preset with the name and a hint, nothing more', () => {
    const e = engineError(() =>
      loadScenario('set: { a: 1 }\nextends: nope\n', { fileName: 's.yaml', resolvePreset: () => undefined }),
    );
    expect(e.code).toBe('bad-scenario');
    expect(e.message).toMatch(/^s\.yaml:2:10: unknown preset 'nope'; .*path ending in \.yaml/);
    expect(engineError(() => loadScenario('extends: nope\n')).message).toContain("unknown preset 'nope'");
  });

  it('names the chain of an extends cycle', () => {
    const fs = files({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'extends: ./c.yaml\n', 'c.yaml': 'extends: a.yaml\n' });
    const e = engineError(() => loadScenario('a.yaml', { readFile: fs.readFile }));
    expect(e.code).toBe('include-cycle');
    expect(e.message).toContain('a.yaml → b.yaml → c.yaml → a.yaml');
    expect(e.pos).toEqual({ file: 'c.yaml', line: 1, col: 10 });
  });

  it('detects a file extending itself and a cycle through presets', () => {
    const self = files({ 'dir/s.yaml': 'extends: ../dir/s.yaml\n' });
    expect(engineError(() => loadScenario('dir/s.yaml', { readFile: self.readFile })).message).toContain(
      'dir/s.yaml → dir/s.yaml',
    );
    const presets: Record<string, string> = { p: 'extends: q\n', q: 'extends: p\n' };
    const e = engineError(() => loadScenario('extends: p\n', { resolvePreset: (n) => presets[n] }));
    expect(e.message).toContain('preset:p → preset:q → preset:p');
  });

  it('reports a missing base file, naming the file that extends it', () => {
    const fs = files({ 'a.yaml': 'set: { a: 1 }\nextends: gone.yaml\n' });
    const e = engineError(() => loadScenario('a.yaml', { readFile: fs.readFile }));
    expect(e.code).toBe('file-not-found');
    expect(e.message).toMatch(/^a\.yaml:2:10: cannot read scenario file 'gone\.yaml' \(extended by a\.yaml\)/);
    expect(engineError(() => loadScenario('none.yaml', { readFile: fs.readFile })).code).toBe('file-not-found');
  });
});

describe('loadScenario: schema errors name the key, the value and what is allowed', () => {
  const load = (yaml: string) => engineError(() => loadScenario(yaml, { fileName: 'scenario.yaml' }));

  it('explains a wrong type with the allowed range', () => {
    const e = load(text(['triggers:', '  - when: "u > 1"', '    sustain: soon', '    set: { a: 1 }']));
    expect(e.code).toBe('bad-scenario');
    expect(e.message).toBe('scenario.yaml:3:14: triggers[0].sustain: expected a number ≥ 0, got "soon"');
  });

  it('rejects unknown keys with a suggestion and the allowed keys', () => {
    const top = load('description: x\nsett: { a: 1 }\n');
    expect(top.message).toMatch(/^scenario\.yaml:2:1: unknown key 'sett' \(did you mean 'set'\?\); allowed keys: /);
    for (const key of ['extends', 'model', 'set', 'paths', 'triggers', 'uncertainty', 'periods', 'to', 'dt', 'meta']) {
      expect(top.message).toContain(key);
    }
    const nested = load('triggers:\n  - { when: x, set: { a: 1 }, lach: true }\n');
    expect(nested.message).toContain("triggers[0]: unknown key 'lach' (did you mean 'latch'?); allowed keys: when");
    expect(nested.pos).toEqual({ file: 'scenario.yaml', line: 2, col: 31 });
    expect(load('uncertainty: { a: { range: [0, 1], sd: 2 } }\n').message).toContain("uncertainty.a: unknown key 'sd'");
  });

  it.each([
    ['set: { a: "high" }', 'set.a: expected a finite number, got "high"'],
    ['set: { "a b": 1 }', 'set: key "a b" is not allowed; expected a param name'],
    ['set: [1, 2]', 'set: expected a mapping of param name → number'],
    [
      'paths: { g: { 2025-13: 1 } }',
      'paths.g: key "2025-13" is not allowed; expected a month "YYYY-MM" or a period number',
    ],
    ['paths: { g: { 1.5: 1 } }', 'paths.g: key "1.5" is not allowed'],
    ['paths: { g: {} }', 'paths.g: expected a mapping with at least one point'],
    ['paths: { g: { 3: x } }', 'paths.g["3"]: expected a finite number, got "x"'],
    ['triggers: { when: x }', 'triggers: expected a list of triggers, got {"when":"x"}'],
    ['triggers: [{ set: { a: 1 } }]', 'triggers[0].when: missing; expected a non-empty condition'],
    ['triggers: [{ when: "", set: { a: 1 } }]', 'triggers[0].when: expected a non-empty condition'],
    ['triggers: [{ when: x, set: {} }]', 'triggers[0].set: expected a mapping with at least one param name → number'],
    ['triggers: [{ when: x, set: { a: 1 }, sustain: -1 }]', 'triggers[0].sustain: expected a number ≥ 0, got -1'],
    ['triggers: [{ when: x, set: { a: 1 }, latch: yes }]', 'triggers[0].latch: expected true or false, got "yes"'],
    [
      'uncertainty: { a: { range: [3, 1] } }',
      'uncertainty.a.range: expected a list [lo, hi] of two numbers with lo < hi, got [3,1]',
    ],
    ['uncertainty: { a: { range: [1, 1] } }', 'uncertainty.a.range: expected a list [lo, hi]'],
    ['uncertainty: { a: { range: [1] } }', 'uncertainty.a.range: expected a list [lo, hi] of two numbers'],
    [
      'uncertainty: { a: { range: [0, 1], dist: gamma } }',
      'uncertainty.a.dist: expected one of uniform, normal, lognormal, triangular, beta, got "gamma"',
    ],
    [
      'uncertainty: { a: { range: [0, 1], shape: [0, 1] } }',
      'uncertainty.a.shape: expected a list [a, b] of two numbers > 0, got [0,1]',
    ],
    ['uncertainty: { a: { dist: normal } }', 'uncertainty.a.range: missing; expected a list [lo, hi]'],
    ['periods: 0', 'periods: expected a whole number ≥ 1, got 0'],
    ['periods: 1.5', 'periods: expected a whole number ≥ 1, got 1.5'],
    ['to: 2030-13', 'to: expected a month "YYYY-MM", got "2030-13"'],
    ['to: 2030', 'to: expected a month "YYYY-MM", got 2030'],
    ['dt: 0', 'dt: expected a number > 0, got 0'],
    ['dt: 1/12', 'dt: expected a number > 0, got "1/12"'],
    ['set: { a: .inf }', 'set.a: expected a finite number, got Infinity'],
    ['extends: ""', 'extends: expected a preset name or a path to a .yaml file, got ""'],
    ['description: 3', 'description: expected text, got 3'],
    ['periods: 3\nto: 2030-01', "to: give either 'periods' or 'to', not both"],
  ])('%s → %s', (yaml, expected) => {
    const e = load(`${yaml}\n`);
    expect(e.code).toBe('bad-scenario');
    expect(e.message).toContain(expected);
    expect(e.message.startsWith('scenario.yaml:')).toBe(true);
  });

  it('rejects a document that is not a mapping, and an empty one', () => {
    expect(load('- a\n- b\n').message).toContain('expected a mapping of scenario keys');
    expect(load('42\n').message).toContain('got 42');
    expect(load('# only a comment\n').message).toContain('the file is empty');
  });

  it('counts further problems and lists them in detail', () => {
    const e = load('periods: 0\ndt: 0\nset: { a: x }\n');
    expect(e.message).toContain('(and 2 more)');
    expect(e.detail.problems).toHaveLength(3);
  });
});

describe('loadScenario: YAML syntax errors', () => {
  it.each([
    ['set:\n  a: 1\n  a: 2\n', 3, 3, 'Map keys must be unique'],
    ['set: { a: 1 }}\n', 1, 14, '}'],
    ['periods: 3\n\tdt: 1\n', 2, 1, 'Tabs'],
  ])('reports file:line:col for %j', (yaml, line, col, what) => {
    const e = engineError(() => loadScenario(yaml, { fileName: 'bad.yaml' }));
    expect(e.code).toBe('yaml-syntax');
    expect(e.pos).toEqual({ file: 'bad.yaml', line, col });
    expect(e.message.startsWith(`bad.yaml:${line}:${col}: YAML syntax error: `)).toBe(true);
    expect(e.message).toContain(what);
  });

  it('reports an unresolved alias as a YAML error', () => {
    expect(engineError(() => loadScenario('set: *nothing\n')).code).toBe('yaml-syntax');
  });

  it('reports syntax errors in a base file with the base file name', () => {
    const fs = files({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'set: [1,\n' });
    const e = engineError(() => loadScenario('a.yaml', { readFile: fs.readFile }));
    expect(e.code).toBe('yaml-syntax');
    expect(e.pos?.file).toBe('b.yaml');
  });
});

describe('applySetOverrides', () => {
  const base = (): ResolvedScenario =>
    loadScenario(
      text([
        'set: { a: 1, b: 1 }',
        'paths: { a: { 1: 5 }, c: { 1: 6 } }',
        'triggers: [{ when: "x > 1", set: { a: 9 } }, { when: "y > 1", set: { a: 8, c: 7 } }]',
        'uncertainty: { a: { range: [0, 1] }, b: { range: [0, 1] } }',
      ]),
    );

  it('pins each named param: its value wins and its path, trigger settings and uncertainty go', () => {
    const s = base();
    const out = applySetOverrides(s, { a: 4, d: 2 });
    expect(out.set).toEqual({ a: 4, b: 1, d: 2 });
    expect(out.paths).toEqual({ c: { '1': 6 } });
    expect(out.triggers).toEqual([{ when: 'y > 1', set: { c: 7 } }]);
    expect(out.uncertainty).toEqual({ b: { range: [0, 1], dist: 'uniform' } });
    expect(s).toEqual(base());
  });

  it('rejects values that are not finite numbers', () => {
    const e = engineError(() => applySetOverrides(base(), { a: Number.NaN }));
    expect(e.code).toBe('bad-scenario');
    expect(e.message).toContain('--set a: expected a finite number, got NaN');
  });
});

describe('validateScenario', () => {
  const model = {
    params: [{ name: 'ai_tax_rate', role: 'driver' }, { name: 'alpha1' }, { name: 'theta', role: 'behaviour' }],
    variables: ['Y', 'C'],
  };
  const scenario = (yaml: string) => loadScenario(yaml, { fileName: 'presets/p.yaml' });

  it('accepts driver params in presets and user scenarios alike', () => {
    const s = scenario(
      'set: { ai_tax_rate: 0.1 }\npaths: { ai_tax_rate: { 1: 0 } }\ntriggers: [{ when: "Y > 1", set: { ai_tax_rate: 0.2 } }]\n',
    );
    expect(validateScenario(s, model, 'preset')).toEqual([]);
    expect(validateScenario(s, model, 'user')).toEqual([]);
  });

  it.each([
    ['set: { Y: 1 }', 'set.Y'],
    ['paths: { C: { 1: 1 } }', 'paths.C'],
    ['triggers: [{ when: "Y > 1", set: { Y: 1 } }]', 'triggers[0].set.Y'],
    ['uncertainty: { C: { range: [0, 1] } }', 'uncertainty.C'],
  ])('rejects an endogenous variable in %s', (yaml, where) => {
    const e = engineError(() => validateScenario(scenario(`${yaml}\n`), model, 'user'));
    expect(e.code).toBe('bad-scenario');
    expect(e.message).toContain(
      `${where}: '${where.slice(-1)}' is an endogenous variable; a scenario can only set params`,
    );
  });

  it('rejects unknown names, suggesting the closest param', () => {
    const e = engineError(() => validateScenario(scenario('set: { ai_tax_rte: 1 }\n'), model, 'user'));
    expect(e.message).toContain("set.ai_tax_rte: unknown param 'ai_tax_rte' (did you mean 'ai_tax_rate'?)");
    const far = engineError(() => validateScenario(scenario('set: { zzz: 1 }\n'), model, 'user'));
    expect(far.message).toContain("unknown param 'zzz'");
    expect(far.message).not.toContain('did you mean');
    const cased = engineError(() => validateScenario(scenario('set: { THETA: 1 }\n'), model, 'user'));
    expect(cased.message).toContain("did you mean 'theta'?");
  });

  it('reports every problem in detail and counts them in the message', () => {
    const e = engineError(() => validateScenario(scenario('set: { Y: 1, nope: 2, C: 3 }\n'), model, 'user'));
    expect(e.detail.problems).toHaveLength(3);
    expect(e.message).toContain('(and 2 more problems)');
  });

  it('fails a preset that changes a non-driver param, naming it', () => {
    const s = scenario('set: { theta: 0.3 }\ntriggers: [{ when: "Y > 1", set: { alpha1: 1 } }]\n');
    const e = engineError(() => validateScenario(s, model, 'preset'));
    expect(e.code).toBe('bad-scenario');
    expect(e.message).toContain("preset 'p': 'theta' is not a driver param (role: behaviour), changed at set.theta");
    expect(e.detail.problems).toEqual([
      expect.stringContaining("'theta' is not a driver param"),
      expect.stringContaining("'alpha1' is not a driver param (role: none), changed at triggers[0].set.alpha1"),
    ]);
  });

  it('only warns when a user scenario changes a non-driver param (one warning per param)', () => {
    const s = scenario('set: { theta: 0.3 }\npaths: { theta: { 1: 0.2 } }\n');
    const warnings = validateScenario(s, model, 'user');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].code).toBe('scenario-non-driver');
    expect(warnings[0].message).toContain("'theta' is not a driver param");
    expect(warnings[0].message).toContain('set.theta, paths.theta');
  });

  it('lets presets give uncertainty ranges to any param (a range does not change a run)', () => {
    expect(validateScenario(scenario('uncertainty: { theta: { range: [0.1, 0.3] } }\n'), model, 'preset')).toEqual([]);
  });

  it('rejects triggers with an empty condition (scenarios built in code)', () => {
    const s: ResolvedScenario = { ...scenario('set: {}\n'), triggers: [{ when: '  ', set: { ai_tax_rate: 1 } }] };
    expect(engineError(() => validateScenario(s, model, 'user')).message).toContain('triggers[0].when is empty');
  });
});

describe('published JSON Schema', () => {
  it('is committed and up to date (run `npx tsx scripts/publish-schemas.ts` after changing the schema)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../../schemas/scenario.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(scenarioJsonSchema());
  });

  it('describes the same rules as the zod schema: strict keys, periods xor to, ranges', () => {
    const schema = scenarioJsonSchema() as {
      additionalProperties: boolean;
      properties: Record<string, { minimum?: number; exclusiveMinimum?: number; additionalProperties?: unknown }>;
      not: unknown;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual(
      [
        'description',
        'dt',
        'extends',
        'meta',
        'model',
        'paths',
        'periods',
        'set',
        'to',
        'triggers',
        'uncertainty',
      ].sort(),
    );
    expect(schema.properties.periods.minimum).toBe(1);
    expect(schema.properties.dt.exclusiveMinimum).toBe(0);
    expect(schema.not).toEqual({ required: ['periods', 'to'] });
  });
});
