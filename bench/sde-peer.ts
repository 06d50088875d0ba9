/**
 * Builds a Vensim model with SDEverywhere (`@sdeverywhere/compile` →
 * generated JS module → `@sdeverywhere/runtime` synchronous runner), the way
 * its own CLI does, so the peer runs in this process beside the engine.
 * Generated files go to bench/.sde-build/ (gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAndGenerate, resetState } from '@sdeverywhere/compile';
import { createSynchronousModelRunner, type ModelRunner, type Outputs } from '@sdeverywhere/runtime';

/** Where SDEverywhere's generated modules are written. */
export const SDE_BUILD_DIR = join(dirname(fileURLToPath(import.meta.url)), '.sde-build');

/** A compiled SDEverywhere model ready to run. */
export interface SdePeer {
  runner: ModelRunner;
  outputs: Outputs;
  /** Runs the model once into `outputs` (SDEverywhere's public synchronous API). */
  run(): Outputs;
  /** Series of one output variable (Vensim name), one value per save point. */
  series(name: string): number[];
  /** Milliseconds spent in parse + generate + import. */
  buildMs: number;
}

/**
 * Compiles Vensim text with SDEverywhere and loads the generated module.
 * `outputVarNames` are Vensim names (e.g. `stock_1`); an empty list means every variable.
 */
export async function buildSdePeer(mdl: string, modelName: string, outputVarNames: string[]): Promise<SdePeer> {
  const t0 = performance.now();
  mkdirSync(SDE_BUILD_DIR, { recursive: true });
  resetState(); // SDEverywhere keeps the parsed model in module-level state
  const spec = { inputVarNames: [], outputVarNames };
  const code = await parseAndGenerate(mdl, 'vensim', spec, ['generateJS'], SDE_BUILD_DIR, modelName, SDE_BUILD_DIR);
  // .mjs, and a name no .mts shares (tsx would map the import onto a .mts twin).
  const file = join(SDE_BUILD_DIR, `${modelName}-sde.mjs`);
  writeFileSync(file, code);
  const module = (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as { default: () => Promise<unknown> };
  const generated = await module.default();
  const runner = createSynchronousModelRunner(generated as Parameters<typeof createSynchronousModelRunner>[0]);
  const outputs = runner.createOutputs();
  const runSync = runner.runModelSync;
  if (!runSync) throw new Error('SDEverywhere runner has no runModelSync');
  const buildMs = performance.now() - t0;
  return {
    runner,
    outputs,
    buildMs,
    run: () => runSync([], outputs),
    series: (name) => {
      const id = `_${name.toLowerCase()}`;
      const s = outputs.getSeriesForVar(id);
      if (!s)
        throw new Error(
          `SDEverywhere output ${name} (${id}) not found; outputs: ${outputs.varIds.slice(0, 5).join(', ')}…`,
        );
      return s.points.map((pt) => pt.y);
    },
  };
}
