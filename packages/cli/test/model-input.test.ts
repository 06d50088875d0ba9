import type { CompiledModel } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { largestSimultaneous } from '../src/blocks.js';
import { CliError, EXIT, oneLine, reportError } from '../src/errors.js';
import { collectSet, parsePeriods, parseSets } from '../src/model-input.js';

/** Only the fields parseSets reads. */
const compiled = {
  name: 'toy',
  slots: [
    { name: 'theta', kind: 'param' },
    { name: 'Y', kind: 'variable' },
    { name: '__smooth_1', kind: 'hidden-stock' },
  ],
} as unknown as CompiledModel;

describe('parseSets', () => {
  it('turns name=value strings into param overrides', () => {
    expect(parseSets(['theta=0.25'], compiled)).toEqual({ theta: 0.25 });
    expect(parseSets([' theta = -1e-3 '], compiled)).toEqual({ theta: -0.001 });
    expect(parseSets(['theta=1', 'theta=2'], compiled)).toEqual({ theta: 2 });
  });

  it('rejects malformed items, unknown names and variables with a usage error', () => {
    for (const bad of ['theta', 'theta=', '=1', 'theta=abc', 'theta=Infinity', 'nope=1', 'Y=1', '__smooth_1=1']) {
      expect(() => parseSets([bad], compiled), bad).toThrow(CliError);
      try {
        parseSets([bad], compiled);
      } catch (err) {
        expect((err as CliError).exitCode).toBe(EXIT.usage);
        expect((err as CliError).message).toContain(`'${bad}'`);
      }
    }
  });

  it('collects repeated options in order', () => {
    expect(collectSet('b=2', collectSet('a=1'))).toEqual(['a=1', 'b=2']);
  });
});

describe('parsePeriods', () => {
  it('accepts positive whole numbers only', () => {
    expect(parsePeriods('12')).toBe(12);
    for (const bad of ['0', '-1', '2.5', 'ten', '']) expect(() => parsePeriods(bad), bad).toThrow(/bad --periods/);
  });
});

describe('largestSimultaneous', () => {
  it('finds the biggest cyclic block (1-based) or null', () => {
    expect(
      largestSimultaneous([
        { vars: ['a'], cyclic: false },
        { vars: ['b', 'c'], cyclic: true },
        { vars: ['d', 'e', 'f'], cyclic: true },
      ]),
    ).toEqual({ block: 3, size: 3 });
    expect(largestSimultaneous([{ vars: ['a', 'b'], cyclic: false }])).toBeNull();
  });
});

describe('reportError', () => {
  const capture = (err: unknown, debug: boolean) => {
    let text = '';
    const code = reportError(err, debug, (chunk) => {
      text += chunk;
    });
    return { code, text };
  };

  it('prints an engine error as its message and code on one line', () => {
    const err = Object.assign(new Error('m.yaml:3:5: unknown name "x"\nsecond line'), {
      name: 'EngineError',
      code: 'undefined-name',
    });
    expect(capture(err, false)).toEqual({
      code: EXIT.input,
      text: 'endgame: m.yaml:3:5: unknown name "x" second line [undefined-name]\n',
    });
  });

  it('prints a CLI error with its own exit code', () => {
    expect(capture(new CliError('bad --set', EXIT.usage), false)).toEqual({
      code: EXIT.usage,
      text: 'endgame: bad --set\n',
    });
  });

  it("prints the store's, the sweep spec's and the Redis URL's errors as input or usage errors, by class name", () => {
    const named = (name: string, message: string) => Object.assign(new Error(message), { name });
    expect(capture(named('StoreError', "store 's.duckdb' is in use by another endgame process"), false)).toEqual({
      code: EXIT.input,
      text: "endgame: store 's.duckdb' is in use by another endgame process\n",
    });
    expect(capture(named('SweepSpecError', 'grid.yaml: unknown key'), false).code).toBe(EXIT.input);
    expect(capture(named('RedisUrlError', "bad --redis 'x'"), false)).toEqual({
      code: EXIT.usage,
      text: "endgame: bad --redis 'x'\n",
    });
  });

  it('calls anything else an internal error and adds the stack only with debug', () => {
    const quiet = capture(new TypeError('boom'), false);
    expect(quiet.code).toBe(EXIT.internal);
    expect(quiet.text).toBe('endgame: internal error: boom (run with --debug for a stack trace)\n');
    const loud = capture(new TypeError('boom'), true);
    expect(loud.text.split('\n')[0]).toBe('endgame: internal error: boom');
    expect(loud.text).toMatch(/\n\s+at /);
  });

  it('joins multi-line text into one line', () => {
    expect(oneLine('  a\n\n  b  \r\nc ')).toBe('a b c');
  });
});
