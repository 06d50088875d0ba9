import type { FileSet, SweepPayload } from '@endgame/distributed';
import type { ResolvedScenario } from '@endgame/engine';
/** INPUT's files and what they resolve to. */
export interface InputFiles {
  model: FileSet;
  scenario?: NonNullable<SweepPayload['scenario']>;
  /** The resolved scenario (undefined for a bare model file). */
  resolved?: ResolvedScenario;
}
/** Reads INPUT as `endgame run` resolves it, recording every file of the model and of the scenario chain. */
export declare function readInputFiles(input: string): Promise<InputFiles>;
