/**
 * Names the queue backend uses in Redis: the BullMQ queue, the key holding a
 * sweep's payload (by its hash) and the list its results flow back on, and
 * the data one BullMQ job carries.
 */
import { z } from 'zod';

/** The BullMQ queue every sweep's jobs go on unless told otherwise. */
export const DEFAULT_QUEUE = 'endgame-sweep';

/** How long a payload (or an undrained results list) stays in Redis after it was last written. */
export const PAYLOAD_TTL_S = 7 * 24 * 3600;

/** The key holding the payload whose SHA-256 is `hash`. */
export function payloadKey(queue: string, hash: string): string {
  return `endgame:${queue}:payload:${hash}`;
}

/** The list a sweep's results are pushed on. */
export function resultsKey(queue: string, sweepId: string): string {
  return `endgame:${queue}:results:${sweepId}`;
}

/** The BullMQ job id of a sweep's job (ids may not contain ':'). */
export function bullJobId(sweepId: string, jobId: string): string {
  return `${sweepId.slice(0, 32)}-${jobId}`;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** What one BullMQ job carries: which sweep and payload, and the point. */
export const queueJobDataSchema = z
  .object({
    sweepId: hex64,
    payloadHash: hex64,
    jobId: hex64,
    index: z.number().int().min(0),
    varied: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/)),
    values: z.array(z.number().finite()),
  })
  .strict()
  .refine((data) => data.values.length === data.varied.length, { message: 'values and varied differ in length' });

/** A job's data, as put on the queue. */
export type QueueJobData = z.infer<typeof queueJobDataSchema>;

/** A result, as pushed back by a worker. */
export const queueResultSchema = z
  .object({
    jobId: hex64,
    index: z.number().int().min(0),
    status: z.enum(['ok', 'failed']),
    metrics: z.record(z.string(), z.number().finite().nullable()).optional(),
    error: z.string().max(2000).optional(),
    worker: z.string().max(300),
  })
  .strict();
