/**
 * Builds the site (`vite build` in apps/web) when `dist/` is missing or older
 * than anything it is built from: the app's sources, the engine, model and
 * analysis sources, the model files and presets.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/web. */
export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The built site. */
export const DIST_DIR = join(WEB_DIR, 'dist');
const REPO = join(WEB_DIR, '..', '..');
const SOURCES = [
  join(WEB_DIR, 'src'),
  join(WEB_DIR, 'index.html'),
  join(WEB_DIR, 'vite.config.ts'),
  ...['engine', 'model', 'analysis'].flatMap((p) =>
    ['src', 'model', 'presets'].map((d) => join(REPO, 'packages', p, d)),
  ),
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** True when dist/ is missing or older than a source. */
export function siteIsStale(): boolean {
  const index = join(DIST_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newest(source) > built);
}

/** Builds the site when stale; returns whether it built. Throws with vite's output when the build fails. */
export function ensureSite(log: (line: string) => void = () => {}): boolean {
  if (!siteIsStale()) return false;
  log('building the web simulator (apps/web/dist)…');
  const vite = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
  // NODE_ENV=production whatever the caller runs under (vitest sets `test`, which would bundle React's development build).
  const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], {
    cwd: WEB_DIR,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}${built.stderr}`);
  return true;
}
