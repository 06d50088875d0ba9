import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { EngineError } from '../src/diagnostics.js';
import { loadScenario, type ResolvedScenario, type ScenarioLoadOptions } from '../src/load-scenario.js';

/**
 * Runs loadScenario and checks the contract: it returns a ResolvedScenario or
 * throws an EngineError with a code and a message — never anything else.
 */
function loadsOrExplains(pathOrText: string, options: ScenarioLoadOptions = {}): ResolvedScenario | EngineError {
  try {
    const s = loadScenario(pathOrText, options);
    expect(typeof s.name).toBe('string');
    expect(s.files.length).toBeGreaterThan(0);
    expect(Array.isArray(s.triggers)).toBe(true);
    for (const value of Object.values(s.set)) expect(Number.isFinite(value)).toBe(true);
    return s;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    expect(error.code.length).toBeGreaterThan(0);
    expect(error.message.length).toBeGreaterThan(0);
    return error;
  }
}

/** Fragments that make YAML-ish text: scenario keys, flow and block syntax, anchors, tags, junk. */
const fragment = fc.oneof(
  fc.constantFrom(
    'set:',
    '  a: 1',
    '  b: -2.5e3',
    'paths:',
    '  g: { 2025-10: 0.4, 12: 1 }',
    '  g:',
    '    2025-13: 1',
    'triggers:',
    '  - when: "u > 0.07"',
    '    sustain: 0.25',
    '    set: { ubi_on: 1 }',
    '    latch: true',
    '  - { when: x, set: {} }',
    'uncertainty: { a: { range: [0.1, 0.3], dist: beta, shape: [2, 3] } }',
    'uncertainty: { a: { range: [3, 1] } }',
    'extends: base.yaml',
    'extends: baseline',
    'extends: ../up/other.yml',
    'extends: loop.yaml',
    'model: ../m.yaml',
    'periods: 12',
    'to: 2030-01',
    'dt: 0.25',
    'meta: { anything: [1, { x: y }] }',
    'description: >',
    '  folded text',
    '---',
    '...',
    '&anchor { a: 1 }',
    '*anchor',
    '<<: *anchor',
    '!!binary aGVsbG8=',
    '!custom tag',
    '? [complex, key]',
    ': value',
    '{',
    '}',
    '[',
    ']',
    '"unterminated',
    "'single'",
    '\t',
    '# comment',
    '- item',
    '__proto__: 1',
    'set: { __proto__: 1, constructor: 2 }',
    '%YAML 1.2',
    '.inf',
    '.nan',
    '~',
  ),
  fc.string({ maxLength: 12 }),
);

const yamlishText = fc.array(fragment, { maxLength: 14 }).map((lines) => `${lines.join('\n')}\n`);

/** An in-memory file system and preset table filled with generated text. */
const environment = fc.record({
  files: fc.dictionary(fc.constantFrom('base.yaml', 'loop.yaml', '../up/other.yml', 'up/other.yml'), yamlishText),
  presets: fc.dictionary(fc.constantFrom('baseline', 'shared'), fc.oneof(yamlishText, fc.constant('base.yaml'))),
});

function optionsFor(env: { files: Record<string, string>; presets: Record<string, string> }): ScenarioLoadOptions {
  return {
    fileName: 'loop.yaml',
    readFile: (p) => {
      if (!Object.hasOwn(env.files, p)) throw new Error(`ENOENT: ${p}`);
      return env.files[p];
    },
    resolvePreset: (name) => (Object.hasOwn(env.presets, name) ? env.presets[name] : undefined),
  };
}

describe('loadScenario never fails with anything but an EngineError', () => {
  it('on YAML-ish text, with generated bases and presets', () => {
    fc.assert(
      fc.property(yamlishText, environment, (text, env) => {
        loadsOrExplains(text, optionsFor(env));
      }),
      { numRuns: 400 },
    );
  });

  it('on any JSON value (JSON is YAML)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        loadsOrExplains(`${JSON.stringify(value)}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('on objects with scenario keys and arbitrary values, as JSON and as YAML', () => {
    const keys = ['extends', 'model', 'description', 'set', 'paths', 'triggers', 'uncertainty', 'periods', 'to', 'dt'];
    const scenarioLike = fc.dictionary(
      fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })),
      fc.oneof(fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue())),
    );
    fc.assert(
      fc.property(scenarioLike, environment, (value, env) => {
        loadsOrExplains(`${JSON.stringify(value)}\n`, optionsFor(env));
        loadsOrExplains(`${stringify(value)}\n`, optionsFor(env));
      }),
      { numRuns: 300 },
    );
  });

  it('on any path (no newline), whatever the file holds or when it cannot be read', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('\n')),
        fc.option(yamlishText, { nil: undefined }),
        (path, content) => {
          loadsOrExplains(path, {
            readFile: () => {
              if (content === undefined) throw new Error('EACCES');
              return content;
            },
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

const paramName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/).filter((n) => n !== '__proto__');
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const pointKey = fc.oneof(
  fc.integer({ min: 0, max: 5000 }).map(String),
  fc
    .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);
const positive = fc.double({ min: Number.MIN_VALUE, max: 1e9, noNaN: true });
const validTrigger = fc.record(
  {
    when: fc.string({ minLength: 1 }),
    sustain: fc.double({ min: 0, max: 1e6, noNaN: true }),
    set: fc.dictionary(paramName, finite, { minKeys: 1, maxKeys: 3 }),
    latch: fc.boolean(),
  },
  { requiredKeys: ['when', 'set'] },
);
const validRange = fc
  .tuple(finite, finite)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => (a < b ? [a, b] : [b, a]));
const validUncertainty = fc.record(
  {
    range: validRange,
    dist: fc.constantFrom('uniform', 'normal', 'lognormal', 'triangular', 'beta'),
    shape: fc.tuple(positive, positive),
  },
  { requiredKeys: ['range'] },
);
const validFile = fc
  .tuple(
    fc.record(
      {
        description: fc.string(),
        set: fc.dictionary(paramName, finite, { maxKeys: 4 }),
        paths: fc.dictionary(paramName, fc.dictionary(pointKey, finite, { minKeys: 1, maxKeys: 4 }), { maxKeys: 3 }),
        triggers: fc.array(validTrigger, { maxLength: 3 }),
        uncertainty: fc.dictionary(paramName, validUncertainty, { maxKeys: 3 }),
        dt: positive,
      },
      { requiredKeys: [] },
    ),
    fc.oneof(
      fc.constant({}),
      fc.record({ periods: fc.integer({ min: 1, max: 10_000 }) }),
      fc
        .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => ({ to: `${y}-${String(m).padStart(2, '0')}` })),
    ),
  )
  .map(([body, horizon]) => ({ ...body, ...horizon }));

type ValidFile = {
  description?: string;
  set?: Record<string, number>;
  paths?: Record<string, Record<string, number>>;
  triggers?: { when: string; sustain?: number; set: Record<string, number>; latch?: boolean }[];
  uncertainty?: Record<string, { range: number[]; dist?: string; shape?: [number, number] }>;
};

/** The uncertainty entries a file declares, with the documented default distribution filled in. */
function withDefaultDist(file: ValidFile): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(file.uncertainty ?? {}).map(([name, u]) => [name, { ...u, dist: u.dist ?? 'uniform' }]),
  );
}

describe('valid scenarios load as written', () => {
  it('one file round-trips through YAML', () => {
    fc.assert(
      fc.property(validFile, (file: ValidFile) => {
        const s = loadScenario(stringify(file), { fileName: 'gen.yaml' });
        expect(s.set).toEqual(file.set ?? {});
        expect(s.paths).toEqual(file.paths ?? {});
        expect(s.triggers).toEqual(file.triggers ?? []);
        expect(s.uncertainty).toEqual(withDefaultDist(file));
        expect(s.description).toBe(file.description ?? '');
      }),
      { numRuns: 200 },
    );
  });

  it('a file extending another overrides it key by key and appends its triggers', () => {
    fc.assert(
      fc.property(validFile, validFile, (base: ValidFile, top: ValidFile) => {
        const files: Record<string, string> = { 'presets/base.yaml': stringify(base) };
        const s = loadScenario(stringify({ ...top, extends: '../presets/base.yaml' }), {
          fileName: 'scenarios/top.yaml',
          readFile: (p) => files[p],
        });
        expect(s.files).toEqual(['presets/base.yaml', 'scenarios/top.yaml']);
        expect(s.set).toEqual({ ...base.set, ...top.set });
        expect(s.paths).toEqual({ ...base.paths, ...top.paths });
        expect(s.triggers).toEqual([...(base.triggers ?? []), ...(top.triggers ?? [])]);
        expect(s.uncertainty).toEqual({ ...withDefaultDist(base), ...withDefaultDist(top) });
      }),
      { numRuns: 150 },
    );
  });
});
