/**
 * Command-line arguments shared by the commands that run the AI-endgame
 * model (`run`, `scorecard`, `list`, `vars`): where presets live, `--set`
 * pairs and `--from`/`--to` months.
 */
import type { PresetOptions } from '@endgame/model';
/**
 * Environment variable naming another presets folder (used by tests with
 * fixture presets; users normally leave it unset).
 */
export declare const PRESETS_DIR_ENV = 'ENDGAME_PRESETS_DIR';
/** Where presets come from: `$ENDGAME_PRESETS_DIR` when set, else the built-in presets. */
export declare function presetOptions(): PresetOptions;
/** Turns repeated `--set name=value` into a record, checking the syntax (names are checked against the model later). */
export declare function parseSetPairs(sets: readonly string[]): Record<string, number>;
/** Checks a `--from`/`--to` month (`YYYY-MM`). */
export declare function parseMonthOption(text: string | undefined, flag: string): string | undefined;
