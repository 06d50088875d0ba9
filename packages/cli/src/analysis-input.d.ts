/**
 * What the analysis commands (`sensitivity`, `grid`, `optimize`) run: INPUT
 * (a preset, scenario file or model file, resolved as `run` does) as a
 * compiled model plus the scenario's base settings and uncertainty, and the
 * parsing of the flags they share (`PARAM:lo:hi[:n]`, `--n`, `--seed`,
 * `--workers`).
 */
import type { CompiledModel, Warning } from '@endgame/engine';
/** The analysis package's runner job base settings. */
export type JobBase = import('@endgame/analysis').RunnerJob['base'];
/** A resolved INPUT for an analysis command. */
export interface AnalysisInput {
  /** The scenario's (or model's) name. */
  name: string;
  compiled: CompiledModel;
  /** Settings every run shares (the scenario's set:, paths, triggers, periods, dt). */
  base: JobBase;
  /** The params the scenario fixes with `set:`. */
  set: Record<string, number>;
  /** The scenario's `uncertainty:` block. */
  uncertainty: Record<
    string,
    {
      range: [number, number];
      dist?: string;
      shape?: [number, number];
    }
  >;
  warnings: Warning[];
}
/** Resolves INPUT as `endgame run` does (preset, scenario file with `extends:`, or model file). */
export declare function loadAnalysisInput(input: string): Promise<AnalysisInput>;
/** What the engine's scenario checks need to know about a compiled model. */
export declare function scenarioModelInfo(compiled: CompiledModel): {
  params: {
    name: string;
    role: string | undefined;
  }[];
  variables: string[];
};
/**
 * What a resolved scenario sets for every run of `compiled`: its name, the
 * runner's base settings (set:, paths, triggers, periods from `to:`, dt),
 * the params it fixes and its uncertainty block.
 */
export declare function scenarioSettings(
  scenario: import('@endgame/engine').ResolvedScenario,
  compiled: CompiledModel,
  monthsBetween: (from: string, to: string) => number,
): Omit<AnalysisInput, 'warnings'>;
/** A param range from the command line: `PARAM:lo:hi` (and `:n` for grid axes). */
export interface ParamRange {
  name: string;
  lo: number;
  hi: number;
  n?: number;
}
/**
 * Parses `PARAM:lo:hi` (or `PARAM:lo:hi:n` with `withCount`), checking the
 * param exists in `compiled` and lo < hi; one-line errors name the flag.
 */
export declare function parseParamRange(
  text: string,
  flag: string,
  compiled: CompiledModel,
  withCount: boolean,
): ParamRange;
/** Parses a whole-number option ≥ `min` (`--n`, `--workers`, `--robust`, `--restarts`). */
export declare function parseCount(text: string, flag: string, min?: number): number;
/** Parses `--seed` (a whole number from 0 to 2^32 − 1). */
export declare function parseSeed(text: string): number;
/** Prints the scenario's warnings on stderr. */
export declare function printWarnings(warnings: readonly Warning[]): void;
