/**
 * Typed access to the calibration data (`data/calibration.json`, a verbatim
 * copy of the project's calibration file, plus the sourced facts it lacks in
 * `data/calibration-additions.json`; see data/README.md). Model files
 * cite a fact by its `key`; code reads it with {@link calibrationValue}.
 */
import { closestName, EngineError } from '@endgame/engine';
import facts from '../data/calibration.json' with { type: 'json' };
import additions from '../data/calibration-additions.json' with { type: 'json' };

/** A calibration value: a number, a range or list, or a record of named numbers. */
export type CalibrationValue = number | CalibrationValue[] | { [field: string]: CalibrationValue };

/** One fact of the calibration file, with its source. */
export interface CalibrationFact {
  /** Stable key that model files cite, e.g. `us.employment.household_total_2024`. */
  key: string;
  category: string;
  value: CalibrationValue;
  unit: string;
  /** The date or period the value refers to, as the source gives it. */
  date: string;
  source: string;
  url: string;
  note: string;
  /** `high`, `medium` or `low`. */
  confidence: string;
}

/** The shared file's facts, then the repo's sourced additions (data/calibration-additions.json). */
const FACTS = [...(facts as unknown as CalibrationFact[]), ...(additions as unknown as CalibrationFact[])];
const BY_KEY = new Map(FACTS.map((fact) => [fact.key, fact]));

/** Every calibration fact, in file order. */
export function calibrationFacts(): readonly CalibrationFact[] {
  return FACTS;
}

/** The fact with `key`; throws a `bad-input` EngineError naming the key and the closest existing key. */
export function calibrationFact(key: string): CalibrationFact {
  const fact = BY_KEY.get(key);
  if (fact) return fact;
  const hint = closestName(key, BY_KEY.keys(), { containsFallback: true });
  throw new EngineError(
    'bad-input',
    `unknown calibration key '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}; the keys are in packages/model/data/calibration.json — add the fact there with its source if it is missing`,
  );
}

/**
 * The number at `key`. When the fact's value is a record or a list, `field`
 * picks the entry (`calibrationValue('capex.alphabet.ocf_fcf_2025', 'ocf')`,
 * `calibrationValue('consumption.wealth_effect.housing', 0)`). Throws a
 * `bad-input` EngineError when the key is unknown or the value is not a number.
 */
export function calibrationValue(key: string, field?: string | number): number {
  const fact = calibrationFact(key);
  let value: CalibrationValue | undefined = fact.value;
  if (field !== undefined) {
    value = pick(value, field);
    if (value === undefined) {
      throw new EngineError(
        'bad-input',
        `calibration key '${key}' has no field ${JSON.stringify(field)}; it holds ${describe(fact.value)}`,
      );
    }
  }
  if (typeof value !== 'number') {
    throw new EngineError(
      'bad-input',
      `calibration key '${key}'${field === undefined ? '' : ` field ${JSON.stringify(field)}`} holds ${describe(value)}, not a number; pass the field to read (calibrationValue(key, field)) or use calibrationFact(key)`,
    );
  }
  return value;
}

function pick(value: CalibrationValue, field: string | number): CalibrationValue | undefined {
  if (Array.isArray(value)) return typeof field === 'number' ? value[field] : undefined;
  if (typeof value === 'object') return Object.hasOwn(value, String(field)) ? value[String(field)] : undefined;
  return undefined;
}

function describe(value: CalibrationValue): string {
  if (Array.isArray(value)) return `a list of ${value.length} (fields 0..${value.length - 1})`;
  if (typeof value === 'object') return `a record with fields ${Object.keys(value).join(', ')}`;
  return `the number ${value}`;
}
