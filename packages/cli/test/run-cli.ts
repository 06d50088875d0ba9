/**
 * Test helper: runs the real `endgame` binary (`node packages/cli/bin/endgame.js`)
 * from the repository root, as a user would, and captures what it printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The CLI's bin script. */
export const BIN = join(REPO_ROOT, 'packages/cli/bin/endgame.js');

/** This package's test fixtures, relative to the repository root. */
export const FIXTURES = 'packages/cli/test/fixtures';

/** The SIM model: the Godley–Lavoie example when present, else the CLI's own copy. */
export const SIM_MODEL = existsSync(join(REPO_ROOT, 'examples/gl/sim.yaml'))
  ? 'examples/gl/sim.yaml'
  : `${FIXTURES}/sim.yaml`;

/** What one run of the CLI did. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `endgame ...args` from the repository root and waits for it. */
export function runCli(...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    // mc's JSON holds percentiles of every fixed series (parts 1 and 2): several MB.
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Lines of `text` without the trailing empty line. */
export function lines(text: string): string[] {
  const all = text.split('\n');
  return all.at(-1) === '' ? all.slice(0, -1) : all;
}
