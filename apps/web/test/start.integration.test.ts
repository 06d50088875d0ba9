/**
 * `npm start` (apps/web/scripts/start.ts): builds if needed, serves the site
 * on 127.0.0.1, prints the URL and the baseline headline, opens no browser.
 * Started here on a free port (PORT=0) and stopped by its PID.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../scripts/build-site.js';

const REPO = join(WEB_DIR, '..', '..');
let child: ChildProcess | undefined;

afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
});

/** Collects the child's stdout until `pattern` matches (or it exits). */
function waitForOutput(proc: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) resolve(out);
    });
    proc.on('exit', (code) => reject(new Error(`npm start exited (${code}) before printing: ${out}`)));
  });
}

describe('npm start', () => {
  it('serves the simulator on loopback and prints the URL and the baseline headline', async () => {
    child = spawn(process.execPath, [join(REPO, 'node_modules/tsx/dist/cli.mjs'), 'apps/web/scripts/start.ts'], {
      cwd: REPO,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = await waitForOutput(child, /Ctrl-C/);
    const url = /^endgame web simulator: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out)?.[1];
    expect(url).toBeDefined();
    expect(out).toMatch(/^baseline: unemployment peak \d+\.\d % \(\d{4}-\d\d\) · .* chain links fired$/m);
    const page = await fetch(url as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    // %2f survives URL normalisation, so the server sees ../../etc/passwd and must refuse it.
    const missing = await fetch(`${url}..%2f..%2fetc%2fpasswd`);
    expect(missing.status).toBe(404);
  });
});
