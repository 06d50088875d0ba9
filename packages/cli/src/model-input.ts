/**
 * Reading the model a command was given: check the file is readable (so a
 * missing file is one clear line), then let the engine load and compile it.
 * The engine is imported lazily so `endgame --help` stays fast.
 */
import { accessSync, constants, statSync } from 'node:fs';
import type { CompiledModel } from '@endgame/engine';
import { CliError, cannotRead, EXIT } from './errors.js';

/** The engine module, loaded on first use. */
export type Engine = typeof import('@endgame/engine');

/** Imports the engine (once). */
export function loadEngine(): Promise<Engine> {
  return import('@endgame/engine');
}

/** Fails with `cannot read 'PATH': ...` unless `path` is a readable regular file. */
export function assertReadableFile(path: string): void {
  try {
    accessSync(path, constants.R_OK);
    if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (err) {
    throw cannotRead(path, err);
  }
}

/** Loads and compiles the model file at `path`. */
export async function compileModelFile(path: string): Promise<{ engine: Engine; compiled: CompiledModel }> {
  assertReadableFile(path);
  const engine = await loadEngine();
  const compiled = engine.compile(engine.loadModel(path));
  return { engine, compiled };
}

/** Collects repeated `--set name=value` options (a commander option reducer). */
export function collectSet(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Turns `--set name=value` strings into param overrides, checking that each
 * name is a param of `compiled` and each value a finite number.
 */
export function parseSets(sets: readonly string[], compiled: CompiledModel): Record<string, number> {
  const params: Record<string, number> = {};
  const kinds = new Map(compiled.slots.map((slot) => [slot.name, slot.kind]));
  for (const item of sets) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? '' : item.slice(0, eq).trim();
    const text = eq < 0 ? '' : item.slice(eq + 1).trim();
    const value = Number(text);
    if (!name || text === '' || !Number.isFinite(value)) {
      throw new CliError(`bad --set '${item}': expected name=number, e.g. --set theta=0.25`, EXIT.usage);
    }
    const kind = kinds.get(name);
    if (kind === undefined || name.startsWith('__')) {
      throw new CliError(
        `bad --set '${item}': '${name}' is not a param of model '${compiled.name}' (list them with: endgame vars MODEL)`,
        EXIT.usage,
      );
    }
    if (kind !== 'param') {
      throw new CliError(
        `bad --set '${item}': '${name}' is an endogenous variable, not a param; only params can be set`,
        EXIT.usage,
      );
    }
    params[name] = value;
  }
  return params;
}

/** Parses `--periods N` (a positive integer). */
export function parsePeriods(text: string): number {
  const periods = Number(text);
  if (!Number.isInteger(periods) || periods < 1) {
    throw new CliError(`bad --periods '${text}': expected a positive whole number of periods`, EXIT.usage);
  }
  return periods;
}

/** Names of the series a user sees: every slot except engine-internal hidden stocks. */
export function isUserSeries(name: string, kind: string | undefined): boolean {
  return !name.startsWith('__') && kind !== 'hidden-stock';
}
