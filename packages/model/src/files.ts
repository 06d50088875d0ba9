/**
 * File access for the model package: Node's file system by default, an
 * injected reader (and folder lister) elsewhere, e.g. in a browser.
 * No static `node:` import, so bundles for the browser do not pull it in.
 */
import { EngineError, type ReadFile } from '@endgame/engine';

/** Lists the file names (not paths) in a folder. */
export type ListDir = (dir: string) => string[];

type NodeFs = typeof import('node:fs');

function nodeFs(what: string): NodeFs {
  const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  const fs = host.process?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  if (!fs) throw new EngineError('file-not-found', `cannot ${what}: no file system here; pass readFile/listDir`);
  return fs;
}

/** Reads a UTF-8 file with `node:fs`. */
export const nodeReadFile: ReadFile = (path) => nodeFs(`read '${path}'`).readFileSync(path, 'utf8');

/** Lists a folder with `node:fs`; a missing folder lists as empty. */
export const nodeListDir: ListDir = (dir) => {
  const fs = nodeFs(`list '${dir}'`);
  try {
    return fs.readdirSync(dir);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return [];
    throw err;
  }
};

/** True when `path` can be read with `readFile`. */
export function canRead(path: string, readFile: ReadFile): boolean {
  try {
    readFile(path);
    return true;
  } catch {
    return false;
  }
}

/** The folder of a file URL inside this package (`../presets/` from src/), as a path without a trailing slash. */
export function packagePath(relative: string): string {
  return decodeURIComponent(new URL(relative, import.meta.url).pathname).replace(/\/$/, '');
}
