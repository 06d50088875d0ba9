/**
 * Turning a sweep payload (files as data) into something to run, on the
 * coordinator and on every worker alike: the engine loads and validates the
 * model and the scenario from the payload's files only (a file the payload
 * lacks is an error, never a disk read), compiles the model (the only code
 * that runs is what the engine generates from it), applies the spec's `set:`
 * and parses the metrics.
 */
import type { PreparedSweep, SweepPayload } from '@endgame/distributed';
import type { CompiledModel } from '@endgame/engine';
/** Checks that every name in `names` is a param of `compiled`; `where` names the field in errors. */
export declare function checkParams(names: readonly string[], compiled: CompiledModel, where: string): void;
/** Validates and compiles a payload (see the module comment). */
export declare function prepareSweep(payload: SweepPayload): Promise<
  PreparedSweep & {
    name: string;
  }
>;
