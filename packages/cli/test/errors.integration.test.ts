import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, FIXTURES, lines, runCli } from './run-cli.js';

const BAD = `${FIXTURES}/bad`;

/**
 * Broken YAML (an unclosed flow sequence and map) is written at test time:
 * as a file in the repository it would fail `biome ci`, which parses YAML.
 */
const tempDir = mkdtempSync(join(tmpdir(), 'endgame-bad-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));
const BROKEN_YAML = join(tempDir, 'yaml-syntax.yaml');
writeFileSync(BROKEN_YAML, 'name: broken\nperiods: 3\nequations: [\n  - y = 1\nparams: { a: 1\n');

/** Asserts the run failed with exactly one line on stderr, no stack trace, nothing on stdout. */
function expectOneLineError(run: CliRun): string {
  expect(run.status).not.toBe(0);
  expect(run.stdout).toBe('');
  const errorLines = lines(run.stderr);
  expect(errorLines, run.stderr).toHaveLength(1);
  expect(errorLines[0]).toMatch(/^endgame: /);
  expect(errorLines[0]).not.toMatch(/\bat .+:\d+:\d+\)?$/);
  return errorLines[0];
}

/** Each bad model, the engine error code it must produce and what the message must name. */
const BAD_MODELS: { file: string; code: string; names: RegExp[] }[] = [
  { file: BROKEN_YAML, code: 'yaml-syntax', names: [/yaml-syntax\.yaml/] },
  { file: 'unknown-key.yaml', code: 'unknown-key', names: [/colour/] },
  // `  - y = 2 * * a` is line 7; the second `*` (where an operand was expected) is column 13.
  { file: 'equation-syntax.yaml', code: 'syntax', names: [/equation-syntax\.yaml:7:13\b/] },
  { file: 'undefined-name.yaml', code: 'undefined-name', names: [/missing_thing/] },
  { file: 'duplicate.yaml', code: 'duplicate-name', names: [/twice/] },
  { file: 'bad-lag.yaml', code: 'bad-lag', names: [/ghost/] },
  { file: 'no-solution.yaml', code: 'no-convergence', names: [/\by\b/, /\bz\b/, /period\D{0,3}1\b/] },
  { file: 'division-by-zero.yaml', code: 'division-by-zero', names: [/ratio/, /period\D{0,3}1\b/] },
  { file: 'leaking-matrix.yaml', code: 'matrix-leak', names: [/tfm/, /gift|giver|taker/] },
  { file: 'unit-mismatch.yaml', code: 'unit-mismatch', names: [/person|workers/] },
  { file: 'missing-dt.yaml', code: 'missing-dt', names: [/stock/, /\bdt\b/] },
];

describe('one-line errors for bad models', () => {
  for (const { file, code, names } of BAD_MODELS) {
    it(`${basename(file)}: [${code}]`, () => {
      const path = file === BROKEN_YAML ? file : `${BAD}/${file}`;
      const line = expectOneLineError(runCli('solve', path, '--format', 'json'));
      expect(line.endsWith(`[${code}]`), line).toBe(true);
      for (const name of names) expect(line).toMatch(name);
    });
  }
});

describe('one-line errors for bad command lines', () => {
  it('names a missing file', () => {
    const line = expectOneLineError(runCli('solve', 'nope.yaml'));
    expect(line).toBe("endgame: cannot read 'nope.yaml': no such file");
  });

  it('names a missing file given to vars', () => {
    const line = expectOneLineError(runCli('vars', 'nope/model.yaml'));
    expect(line).toBe("endgame: cannot read 'nope/model.yaml': no such file");
  });

  it('rejects an unknown flag and points at the help', () => {
    const run = runCli('solve', `${FIXTURES}/sim.yaml`, '--bogus');
    const line = expectOneLineError(run);
    expect(line).toMatch(/unknown option '--bogus'/);
    expect(line).toMatch(/see endgame --help/);
    expect(run.status).toBe(2);
  });

  it('rejects an unknown command', () => {
    expect(expectOneLineError(runCli('frobnicate'))).toMatch(/unknown command 'frobnicate'/);
  });

  it('rejects a --format that does not exist', () => {
    expect(expectOneLineError(runCli('solve', `${FIXTURES}/sim.yaml`, '--format', 'xml'))).toMatch(/xml/);
  });

  it('rejects a --set that is not name=number', () => {
    const line = expectOneLineError(runCli('solve', `${FIXTURES}/sim.yaml`, '--set', 'theta'));
    expect(line).toMatch(/bad --set 'theta'.*name=number/);
  });

  it('rejects a --set whose value is not a number', () => {
    expect(expectOneLineError(runCli('solve', `${FIXTURES}/sim.yaml`, '--set', 'theta=high'))).toMatch(/name=number/);
  });

  it('rejects a --set of a name that is not a param', () => {
    expect(expectOneLineError(runCli('solve', `${FIXTURES}/sim.yaml`, '--set', 'nothing=1'))).toMatch(
      /'nothing' is not a param/,
    );
    expect(expectOneLineError(runCli('solve', `${FIXTURES}/sim.yaml`, '--set', 'Y=1'))).toMatch(
      /'Y' is an endogenous variable/,
    );
  });

  it('rejects --periods that is not a positive whole number', () => {
    expect(expectOneLineError(runCli('solve', `${FIXTURES}/sim.yaml`, '--periods', '2.5'))).toMatch(/bad --periods/);
  });

  it('rejects a missing model argument', () => {
    expect(expectOneLineError(runCli('solve'))).toMatch(/missing required argument 'model'/);
  });
});

describe('--debug', () => {
  it('adds the stack trace after the one-line error', () => {
    const run = runCli('solve', `${BAD}/undefined-name.yaml`, '--debug');
    expect(run.status).not.toBe(0);
    const errorLines = lines(run.stderr);
    expect(errorLines[0]).toMatch(/^endgame: .*missing_thing/);
    expect(errorLines.length).toBeGreaterThan(2);
    expect(errorLines.some((line) => /^\s+at /.test(line))).toBe(true);
  });
});
