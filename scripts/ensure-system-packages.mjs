#!/usr/bin/env node
/**
 * Run first by `npm test`: the browser and Redis tests need Debian's
 * `chromium` and `redis-server`. When both are on PATH this exits 0 silently.
 * Otherwise, as root with apt-get, it installs them (output streamed) and
 * exits with apt's status; without root it prints one line naming the
 * command to run and exits 1. It never skips silently.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NEEDED = ['chromium', 'redis-server'];
const PACKAGES = ['chromium', 'redis-server', 'fonts-dejavu-core'];
const INSTALL_HINT = `sudo apt-get install -y ${PACKAGES.join(' ')}`;

/** True when an executable named `name` is on PATH. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** Runs a command with output streamed to ours; returns its exit status. */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error) {
    console.error(`endgame tests: could not run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

const missing = NEEDED.filter((name) => !onPath(name));
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !onPath('apt-get')) {
  console.error(`endgame tests need chromium and redis-server: run '${INSTALL_HINT}'`);
  process.exit(1);
}

console.error(`endgame tests need ${missing.join(' and ')}: installing ${PACKAGES.join(' ')} with apt-get`);
const updated = run('apt-get', ['update']);
if (updated !== 0) console.error(`endgame tests: apt-get update exited ${updated}; trying the install anyway`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const status = run('apt-get', ['-o', 'DPkg::Lock::Timeout=120', 'install', '-y', ...PACKAGES], env);
if (status !== 0) {
  console.error(`endgame tests: apt-get install exited ${status}; run '${INSTALL_HINT}' and try again`);
  process.exit(status);
}
const stillMissing = NEEDED.filter((name) => !onPath(name));
if (stillMissing.length > 0) {
  console.error(`endgame tests: ${stillMissing.join(' and ')} still not on PATH after apt-get install`);
  process.exit(1);
}
process.exit(0);
