/**
 * The sweep spec (`endgame sweep SPEC.yaml`): a scenario, a grid and/or a
 * sampled design (Sobol, Latin hypercube, Monte Carlo) over some params, and
 * the metrics to keep. Validated with zod; every error names the bad field.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Sampled designs a sweep may use. */
export const SWEEP_DESIGNS = ['sobol', 'latin-hypercube', 'monte-carlo'] as const;

/** The largest seed (seeds are 32-bit unsigned integers, as everywhere in endgame). */
const MAX_SEED = 0xffff_ffff;

const finite = z.number().finite();

/** A grid axis: explicit values, or `n` evenly spaced values from `from` to `to`. */
const gridAxisSchema = z.union([
  z.array(finite).min(1, 'give at least one value'),
  z
    .object({
      from: finite.describe('first value'),
      to: finite.describe('last value'),
      n: z.number().int().min(1).describe('number of values (the midpoint when 1)'),
    })
    .strict(),
]);

/** A sampled param's range `[lo, hi]`, lo < hi. */
const rangeSchema = z
  .tuple([finite, finite])
  .refine(([lo, hi]) => lo < hi, { message: 'expected [lo, hi] with lo < hi' });

/** A param name as the engine writes them (letters, digits, `_`, `.`). */
const paramName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'expected a param name');

/** The zod schema of a sweep spec. */
export const sweepSpecSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'expected letters, digits, _, . or -')
      .optional()
      .describe('the sweep’s name (default: the spec’s file name)'),
    description: z.string().optional(),
    scenario: z.string().min(1).describe('a preset name, or a scenario or model file relative to the spec'),
    set: z.record(paramName, finite).optional().describe('params fixed for every job (win over the scenario)'),
    grid: z.record(paramName, gridAxisSchema).optional().describe('params on a grid: every combination is a job'),
    sample: z
      .object({
        design: z.enum(SWEEP_DESIGNS),
        n: z.number().int().min(1).max(1_000_000).describe('number of sampled points'),
        seed: z.number().int().min(0).max(MAX_SEED).default(1),
        params: z.record(paramName, rangeSchema).describe('sampled params and their ranges [lo, hi]'),
      })
      .strict()
      .optional()
      .describe('a sampled design; crossed with the grid when both are given'),
    metrics: z
      .array(z.string().min(1))
      .min(1, 'give at least one metric')
      .describe('SERIES:REDUCER or a named outcome'),
  })
  .strict()
  .refine((spec) => spec.grid !== undefined || spec.sample !== undefined, {
    message: 'give a grid:, a sample:, or both',
  });

/** A validated sweep spec. */
export type SweepSpec = z.infer<typeof sweepSpecSchema>;

/** A spec that does not validate: the message names the file and the field. */
export class SweepSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepSpecError';
  }
}

/** `grid.ubi_amount.n` style path of a zod issue. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : String(key))).join('.') || 'top level';
}

/**
 * Parses and validates a sweep spec (YAML or JSON text). `file` is used in
 * messages. Throws {@link SweepSpecError}: `ubi.yaml: grid.ubi_amount.n: ...`.
 */
export function parseSweepSpec(text: string, file: string): SweepSpec {
  let data: unknown;
  try {
    data = parseYaml(text, { logLevel: 'error' });
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new SweepSpecError(`${file}: not valid YAML: ${message}`);
  }
  const parsed = sweepSpecSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.map((k) => `'${k}'`).join(', ')})` : '';
    throw new SweepSpecError(`${file}: ${fieldOf(issue.path)}: ${issue.message}${keys}`);
  }
  const spec = parsed.data;
  const gridNames = Object.keys(spec.grid ?? {});
  const both = Object.keys(spec.sample?.params ?? {}).filter((name) => gridNames.includes(name));
  if (both.length > 0) throw new SweepSpecError(`${file}: sample.params.${both[0]}: also on the grid; vary it once`);
  if (spec.sample && Object.keys(spec.sample.params).length === 0) {
    throw new SweepSpecError(`${file}: sample.params: give at least one param with its range [lo, hi]`);
  }
  return spec;
}

/** The JSON Schema of a sweep spec (published as `schemas/sweep.schema.json`). */
export function sweepJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'endgame sweep spec',
    ...z.toJSONSchema(sweepSpecSchema, { io: 'input' }),
  } as Record<string, unknown>;
}
