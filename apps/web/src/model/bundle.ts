/**
 * The model's YAML files and the presets, bundled as text so the browser can
 * load them: a virtual file system (`/model/...`, `/presets/NAME.yaml`,
 * `/scenarios/NAME.yaml` for the scenario being run) behind the `readFile` and
 * `listDir` the engine and the model package take.
 */
import { EngineError, type ReadFile } from '@endgame/engine';
import type { ListDir } from '@endgame/model';

const MODEL_TEXT = import.meta.glob('../../../../packages/model/model/**/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const PRESET_TEXT = import.meta.glob('../../../../packages/model/presets/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The root of the bundled model. */
export const MODEL_PATH = '/model/endgame.yaml';
/** The folder of the bundled presets. */
export const PRESETS_DIR = '/presets';
/** The folder of scenario files written at run time. */
export const SCENARIOS_DIR = '/scenarios';

function virtualPath(key: string, marker: string, root: string): string {
  return `${root}/${key.slice(key.indexOf(marker) + marker.length)}`;
}

/** A virtual file system over the bundled text plus files written at run time. */
export interface BundledFiles {
  readFile: ReadFile;
  listDir: ListDir;
  /** Writes (or replaces) a file, e.g. the scenario being run. */
  writeFile(path: string, text: string): void;
}

/** The bundled model and presets as a virtual file system. */
export function bundledFiles(): BundledFiles {
  const files = new Map<string, string>();
  for (const [key, text] of Object.entries(MODEL_TEXT)) files.set(virtualPath(key, '/model/model/', '/model'), text);
  for (const [key, text] of Object.entries(PRESET_TEXT))
    files.set(virtualPath(key, '/model/presets/', PRESETS_DIR), text);
  return {
    readFile(path) {
      const text = files.get(path);
      if (text === undefined) throw new EngineError('file-not-found', `cannot read '${path}': not bundled`);
      return text;
    },
    listDir(dir) {
      const prefix = `${dir.replace(/\/$/, '')}/`;
      return [...files.keys()]
        .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
        .map((path) => path.slice(prefix.length));
    },
    writeFile(path, text) {
      files.set(path, text);
    },
  };
}
