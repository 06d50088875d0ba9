/**
 * The shape a worker checks a sweep's payload against before it hands it to
 * the CLI's loaders (which validate the model and scenario themselves).
 */
import { z } from 'zod';
import type { SweepPayload } from './sweep-types.js';

/** Largest payload file accepted (model files are a few kB each). */
const MAX_FILE_CHARS = 2_000_000;

const fileSetSchema = z
  .object({
    root: z.string().min(1),
    files: z.record(z.string().min(1), z.string().max(MAX_FILE_CHARS)),
  })
  .refine((set) => Object.hasOwn(set.files, set.root), { message: 'the root file is not among the files' });

/** zod schema of {@link SweepPayload}. */
export const sweepPayloadSchema = z
  .object({
    model: fileSetSchema,
    scenario: z
      .object({
        root: z.string().min(1),
        files: z.record(z.string().min(1), z.string().max(MAX_FILE_CHARS)),
        presets: z.record(z.string(), z.string()),
        mode: z.string(),
      })
      .refine((set) => Object.hasOwn(set.files, set.root), { message: 'the root file is not among the files' })
      .optional(),
    set: z.record(z.string(), z.number().finite()),
    metrics: z.array(z.string().min(1)).min(1),
  })
  .strict();

/** Parses a payload's JSON text; throws a one-line error naming the bad field. */
export function parsePayload(text: string): SweepPayload {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('sweep payload is not JSON');
  }
  const parsed = sweepPayloadSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`sweep payload: ${issue.path.join('.') || 'top level'}: ${issue.message}`);
  }
  return parsed.data as SweepPayload;
}
