import type { CompiledModel } from '@endgame/engine';
/** The engine module, loaded on first use. */
export type Engine = typeof import('@endgame/engine');
/** Imports the engine (once). */
export declare function loadEngine(): Promise<Engine>;
/** Fails with `cannot read 'PATH': ...` unless `path` is a readable regular file. */
export declare function assertReadableFile(path: string): void;
/** Loads and compiles the model file at `path`. */
export declare function compileModelFile(path: string): Promise<{
  engine: Engine;
  compiled: CompiledModel;
}>;
/** Collects repeated `--set name=value` options (a commander option reducer). */
export declare function collectSet(value: string, previous?: string[]): string[];
/**
 * Turns `--set name=value` strings into param overrides, checking that each
 * name is a param of `compiled` and each value a finite number.
 */
export declare function parseSets(sets: readonly string[], compiled: CompiledModel): Record<string, number>;
/** Parses `--periods N` (a positive integer). */
export declare function parsePeriods(text: string): number;
/** Names of the series a user sees: every slot except engine-internal hidden stocks. */
export declare function isUserSeries(name: string, kind: string | undefined): boolean;
