/**
 * Command-line arguments shared by the commands that run the AI-endgame
 * model (`run`, `scorecard`, `list`, `vars`): where presets live, `--set`
 * pairs and `--from`/`--to` months.
 */
import type { PresetOptions } from '@endgame/model';
import { CliError, EXIT } from './errors.js';

/**
 * Environment variable naming another presets folder (used by tests with
 * fixture presets; users normally leave it unset).
 */
export const PRESETS_DIR_ENV = 'ENDGAME_PRESETS_DIR';

/** Where presets come from: `$ENDGAME_PRESETS_DIR` when set, else the built-in presets. */
export function presetOptions(): PresetOptions {
  const dir = process.env[PRESETS_DIR_ENV];
  return dir ? { dir: dir.replace(/\/+$/, '') } : {};
}

/** Turns repeated `--set name=value` into a record, checking the syntax (names are checked against the model later). */
export function parseSetPairs(sets: readonly string[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const item of sets) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? '' : item.slice(0, eq).trim();
    const text = eq < 0 ? '' : item.slice(eq + 1).trim();
    const value = Number(text);
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || text === '' || !Number.isFinite(value)) {
      throw new CliError(`bad --set '${item}': expected name=number, e.g. --set ai_tax_rate=0.1`, EXIT.usage);
    }
    values[name] = value;
  }
  return values;
}

/** Checks a `--from`/`--to` month (`YYYY-MM`). */
export function parseMonthOption(text: string | undefined, flag: string): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) {
    throw new CliError(`bad ${flag} '${text}': expected a month YYYY-MM, e.g. ${flag} 2027-01`, EXIT.usage);
  }
  return text;
}
