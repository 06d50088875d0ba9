/**
 * scripts/ensure-system-packages.mjs (run first by `npm test`), driven with a
 * PATH of fake executables: silent when chromium and redis-server are there,
 * an apt-get install as root, one line naming the command otherwise.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './run-cli.js';

const SCRIPT = join(REPO_ROOT, 'scripts/ensure-system-packages.mjs');
const HINT =
  "endgame tests need chromium and redis-server: run 'sudo apt-get install -y chromium redis-server fonts-dejavu-core'";
const isRoot = process.getuid?.() === 0;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function tempBin(): string {
  const dir = mkdtempSync(join(tmpdir(), 'endgame-path-'));
  dirs.push(dir);
  return dir;
}

function fakeExecutable(dir: string, name: string, body = 'exit 0'): void {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

/** A fake apt-get that logs its arguments and, on `install`, "installs" the two programs. */
function fakeAptGet(dir: string, installStatus: number): string {
  const log = join(dir, 'apt.log');
  fakeExecutable(
    dir,
    'apt-get',
    [
      `echo "DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> ${log}`,
      `case "$*" in *install*) [ ${installStatus} -eq 0 ] || exit ${installStatus};`,
      `  printf '#!/bin/sh\\n' > ${dir}/chromium; printf '#!/bin/sh\\n' > ${dir}/redis-server;`,
      `  /bin/chmod +x ${dir}/chromium ${dir}/redis-server;; esac`,
    ].join('\n'),
  );
  return log;
}

function ensure(pathDir: string) {
  return spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env: { PATH: pathDir } });
}

describe('ensure-system-packages', () => {
  it('exits 0 silently when chromium and redis-server are on PATH', () => {
    const dir = tempBin();
    fakeExecutable(dir, 'chromium');
    fakeExecutable(dir, 'redis-server');
    const run = ensure(dir);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('installs with apt-get as root (update, then a noninteractive install), else names the command', () => {
    const dir = tempBin();
    fakeExecutable(dir, 'chromium');
    const log = fakeAptGet(dir, 0);
    const run = ensure(dir);
    if (isRoot) {
      expect(run.status).toBe(0);
      expect(readFileSync(log, 'utf8').split('\n')).toEqual([
        'DEBIAN_FRONTEND= update',
        'DEBIAN_FRONTEND=noninteractive -o DPkg::Lock::Timeout=120 install -y chromium redis-server fonts-dejavu-core',
        '',
      ]);
    } else {
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(`${HINT}\n`);
    }
  });

  it("fails with apt-get's status when the install fails", () => {
    const dir = tempBin();
    fakeAptGet(dir, 100);
    const run = ensure(dir);
    expect(run.status).toBe(isRoot ? 100 : 1);
    expect(run.stderr).toContain('sudo apt-get install -y chromium redis-server fonts-dejavu-core');
  });

  it('prints one line naming the command when apt-get is not available', () => {
    const run = ensure(tempBin());
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${HINT}\n`);
  });
});
