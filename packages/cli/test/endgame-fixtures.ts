/**
 * Test helper: runs the `endgame` binary against the model package's fixture
 * presets and tiny monthly model (packages/model/test/fixtures), through
 * ENDGAME_PRESETS_DIR, so CLI tests do not depend on the real model.
 */
import { spawnSync } from 'node:child_process';
import { BIN, type CliRun, REPO_ROOT } from './run-cli.js';

/** The fixture presets folder, relative to the repository root. */
export const FIXTURE_PRESETS = 'packages/model/test/fixtures/presets';

/** The fixture model, relative to the repository root. */
export const FIXTURE_MODEL = 'packages/model/test/fixtures/mini-model.yaml';

/** Runs `endgame ...args` from the repository root with presets read from `presetsDir`. */
export function runWithPresets(presetsDir: string, ...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ENDGAME_PRESETS_DIR: presetsDir },
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs `endgame ...args` with the fixture presets. */
export function runFixture(...args: string[]): CliRun {
  return runWithPresets(FIXTURE_PRESETS, ...args);
}
