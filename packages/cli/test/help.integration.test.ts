import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, runCli } from './run-cli.js';

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};

describe('endgame --help and --version', () => {
  it('lists the commands and shows examples', () => {
    const run = runCli('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: endgame/);
    expect(run.stdout).toMatch(/^\s+solve\b/m);
    expect(run.stdout).toMatch(/^\s+vars\b/m);
    expect(run.stdout).toMatch(/Examples:/);
  });

  for (const command of ['solve', 'vars', 'sweep', 'worker', 'results']) {
    it(`shows examples in endgame ${command} --help`, () => {
      const run = runCli(command, '--help');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Usage: endgame ${command}`));
      expect(run.stdout).toMatch(new RegExp(`Examples:\\n\\s+\\$ endgame ${command} `));
    });
  }

  it('prints the version from package.json', () => {
    const run = runCli('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it('is an executable node script that npm links as `endgame`', () => {
    expect(join(REPO_ROOT, 'packages/cli', pkg.bin.endgame)).toBe(BIN);
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(() => accessSync(BIN, constants.X_OK)).not.toThrow();
  });
});
