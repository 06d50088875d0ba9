/**
 * The scenario file format (ENGINE.md §5) as one zod schema. The same schema
 * validates files in every surface (CLI, web, workers) and is published as
 * JSON Schema (`schemas/scenario.schema.json`) for editors. Each part also
 * records, in a private registry, a short phrase saying what it allows, so a
 * validation error can name the key, the value given and what is allowed.
 */
import { z } from 'zod';
import { editDistance } from './suggest.js';

/**
 * The candidate closest to `word` (case-insensitive match first, then the
 * smallest edit distance up to a third of the word's length, at least 1), or
 * undefined when nothing is close.
 */
export function suggestName(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower && c !== word);
  if (sameCase) return sameCase;
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word || Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Phrases saying what each part of the schema allows ("a number ≥ 0"). */
const allowedRegistry = z.registry<{ allowed: string }>();

/** Attaches `allowed` (for error messages) and `description` (for the JSON Schema) to a schema. */
function documented<T extends z.ZodType>(schema: T, allowed: string, description?: string): T {
  const out = description === undefined ? schema : schema.describe(description);
  allowedRegistry.add(out, { allowed });
  return out;
}

/** Param names: letters, digits, `_` and `.` (namespaced names), not starting with a digit. */
const PARAM_NAME = /^(?!__proto__$)[A-Za-z_][A-Za-z0-9_.]*$/;
/** A calendar month `YYYY-MM`. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A path point: a calendar month or a period number. */
const PATH_POINT = /^(\d{4}-(0[1-9]|1[0-2])|0|[1-9]\d*)$/;

const finiteNumber = documented(z.number(), 'a finite number');
const paramName = documented(z.string().regex(PARAM_NAME), 'a param name (letters, digits, _ and ., e.g. ai_tax_rate)');
const paramValues = documented(
  z.record(paramName, finiteNumber),
  'a mapping of param name → number, e.g. { ai_tax_rate: 0.1 }',
  'Param values: param name → number.',
);

const pathPoint = documented(
  z.string().regex(PATH_POINT),
  'a month "YYYY-MM" or a period number (0, 1, 2, ...)',
  'A point of the path: a month "YYYY-MM" or a period number.',
);
const timePath = documented(
  z
    .record(pathPoint, finiteNumber)
    .refine((points) => Object.keys(points).length > 0)
    .meta({ minProperties: 1 }),
  'a mapping with at least one point "YYYY-MM" or period → number, e.g. { 2025-10: 0.4, 2026-06: 0.9 }',
  'Time path of one param: linear between points, flat outside.',
);

const trigger = documented(
  z.strictObject({
    when: documented(
      z.string().min(1),
      'a non-empty condition on t−1 values, e.g. "unemployment_rate > 0.07"',
      'Condition evaluated each period on t−1 values.',
    ),
    sustain: documented(
      z.number().min(0),
      'a number ≥ 0',
      'Time (model time units) the condition must hold before the trigger fires. Default 0.',
    ).optional(),
    set: documented(
      z
        .record(paramName, finiteNumber)
        .refine((values) => Object.keys(values).length > 0)
        .meta({ minProperties: 1 }),
      'a mapping with at least one param name → number, e.g. { ubi_on: 1 }',
      'Params set while the trigger holds.',
    ),
    latch: documented(z.boolean(), 'true or false', 'Once fired, stay set. Default false.').optional(),
  }),
  'a trigger { when: "condition", sustain?: number, set: { param: number }, latch?: true/false }',
  'A rule evaluated on period t−1 values.',
);

/** Distributions an uncertain param may follow (ENGINE.md §1, Distributions). */
export const DISTRIBUTIONS = ['uniform', 'normal', 'lognormal', 'triangular', 'beta'] as const;

const uncertaintyEntry = documented(
  z.strictObject({
    range: documented(
      z.tuple([finiteNumber, finiteNumber]).refine(([lo, hi]) => lo < hi),
      'a list [lo, hi] of two numbers with lo < hi',
      'Range [lo, hi] of the param for Monte Carlo runs.',
    ),
    dist: documented(
      z.enum(DISTRIBUTIONS),
      `one of ${DISTRIBUTIONS.join(', ')}`,
      'Distribution over the range (default uniform).',
    ).optional(),
    shape: documented(
      z.tuple([z.number().positive(), z.number().positive()]),
      'a list [a, b] of two numbers > 0',
      'Beta distribution shape [a, b], scaled to the range.',
    ).optional(),
  }),
  'a mapping { range: [lo, hi], dist?: uniform|normal|lognormal|triangular|beta, shape?: [a, b] }',
);

/** The schema of one scenario file. Unknown keys are errors. */
export const scenarioSchema = documented(
  z
    .strictObject({
      extends: documented(
        z.string().min(1),
        'a preset name or a path to a .yaml file',
        'A preset name, or a path relative to this file; the base scenario this file overrides.',
      ).optional(),
      model: documented(
        z.string().min(1),
        'a path to the model file (relative to this file)',
        'The model root, relative to this file (default: the built-in model).',
      ).optional(),
      description: documented(z.string(), 'text', 'What the scenario assumes.').optional(),
      set: paramValues.optional(),
      paths: documented(
        z.record(paramName, timePath),
        'a mapping of param name → { "YYYY-MM" or period: number }',
        'Time paths for params.',
      ).optional(),
      triggers: documented(z.array(trigger), 'a list of triggers', 'Rules evaluated on t−1 values.').optional(),
      uncertainty: documented(
        z.record(paramName, uncertaintyEntry),
        'a mapping of param name → { range: [lo, hi], dist?: ... }',
        'Ranges and distributions of params for Monte Carlo runs.',
      ).optional(),
      periods: documented(
        z.number().int().min(1),
        'a whole number ≥ 1',
        'Number of periods to solve (overrides the model).',
      ).optional(),
      to: documented(
        z.string().regex(MONTH),
        'a month "YYYY-MM"',
        'Last month to solve (instead of periods).',
      ).optional(),
      dt: documented(
        z.number().positive(),
        'a number > 0',
        'Length of a period in model time units (overrides the model).',
      ).optional(),
      meta: documented(z.unknown(), 'anything', 'Free-form notes; ignored by the engine.').optional(),
    })
    .refine((file) => file.periods === undefined || file.to === undefined, {
      message: "give either 'periods' or 'to', not both",
      path: ['to'],
      params: { verbatim: true },
    })
    .meta({ title: 'endgame scenario', not: { required: ['periods', 'to'] } }),
  'a mapping of scenario keys (extends, model, description, set, paths, triggers, uncertainty, periods, to, dt, meta)',
  'A scenario: changes to a model’s params, time paths, triggers and uncertainty (ENGINE.md §5).',
);

/** One scenario file as written, after validation. */
export type ScenarioFile = z.infer<typeof scenarioSchema>;

/** The JSON Schema of a scenario file (published as `schemas/scenario.schema.json`). */
export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioSchema);
}

/** The subset of a zod schema's internal definition this module walks. */
interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

function allowedText(schema: z.ZodType | undefined): string | undefined {
  let node = schema;
  while (node) {
    const found = allowedRegistry.get(node)?.allowed;
    if (found) return found;
    node = defOf(node).innerType;
  }
  return undefined;
}

/** The schema node at `path` (optional wrappers included), or undefined past a leaf. */
function schemaAt(path: readonly PropertyKey[], asKey = false): z.ZodType | undefined {
  let node: z.ZodType | undefined = scenarioSchema;
  for (let i = 0; i < path.length && node; i++) {
    let def = defOf(node);
    while (def.innerType) def = defOf(def.innerType);
    const last = i === path.length - 1;
    if (def.type === 'object') node = def.shape?.[String(path[i])];
    else if (def.type === 'record') node = last && asKey ? def.keyType : def.valueType;
    else if (def.type === 'array') node = def.element;
    else if (def.type === 'tuple') node = def.items?.[Number(path[i])];
    else node = undefined;
  }
  return node;
}

/** Key names an object schema at `path` allows (empty when it is not an object). */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  const node = schemaAt(path);
  if (!node) return [];
  let def = defOf(node);
  while (def.innerType) def = defOf(def.innerType);
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/** Formats a key path as `triggers[0].sustain` (keys that are not plain names are quoted). */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** A short rendering of a value given by the user, for messages. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, key) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return node;
}

/** One validation problem, explained. `keyPath` ends with the offending key when `atKey`. */
export interface ScenarioProblem {
  keyPath: PropertyKey[];
  /** True when the problem is a key itself (unknown key, bad record key), not its value. */
  atKey: boolean;
  /** `triggers[0].sustain: expected a number ≥ 0, got "soon"` */
  text: string;
}

/**
 * Explains one zod issue raised by {@link scenarioSchema} on `input`: the key
 * path, the value given and what is allowed there.
 */
export function explainIssue(issue: z.core.$ZodIssue, input: unknown): ScenarioProblem {
  const path = [...issue.path];
  const where = formatKeyPath(path) || 'top level';
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(path);
    const key = issue.keys[0];
    const hint = suggestName(key, allowed);
    const more =
      issue.keys.length > 1
        ? ` (also ${issue.keys
            .slice(1)
            .map((k) => `'${k}'`)
            .join(', ')})`
        : '';
    return {
      keyPath: [...path, key],
      atKey: true,
      text: `${path.length ? `${where}: ` : ''}unknown key '${key}'${more}${hint ? ` (did you mean '${hint}'?)` : ''}; allowed keys: ${allowed.join(', ')}`,
    };
  }
  if (issue.code === 'invalid_key') {
    const allowed = allowedText(schemaAt(path, true)) ?? 'a valid key';
    const key = String(path[path.length - 1]);
    return {
      keyPath: path,
      atKey: true,
      text: `${formatKeyPath(path.slice(0, -1)) || 'top level'}: key ${JSON.stringify(key)} is not allowed; expected ${allowed}`,
    };
  }
  if (issue.code === 'custom' && issue.params?.verbatim) {
    return { keyPath: path, atKey: false, text: `${where}: ${issue.message}` };
  }
  // Report at the innermost part of the schema that says what it allows (e.g. the pair, not one of its items).
  let at = path;
  let allowed = allowedText(schemaAt(at));
  while (allowed === undefined && at.length > 0) {
    at = at.slice(0, -1);
    allowed = allowedText(schemaAt(at));
  }
  allowed ??= 'a valid value';
  const shown = formatKeyPath(at) || 'top level';
  const value = valueAt(input, at);
  if (value === undefined) return { keyPath: at, atKey: false, text: `${shown}: missing; expected ${allowed}` };
  return { keyPath: at, atKey: false, text: `${shown}: expected ${allowed}, got ${showValue(value)}` };
}
