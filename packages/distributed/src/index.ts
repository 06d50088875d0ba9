/**
 * Sweeps that scale from one machine to many: a spec (scenario, grid and/or
 * sampled design, metrics) expanded into jobs whose ids are content hashes,
 * run by a backend — `local` (the worker pool) or `queue` (BullMQ on Redis,
 * `endgame worker` processes anywhere) — with results upserted into the
 * store, which is what makes them exactly-once. Imports only
 * `@endgame/analysis` and `@endgame/store` of ours; loading models is the
 * CLI's job (it passes a {@link PrepareSweep}).
 */
export { errorLine, evaluateJobs } from './evaluate-jobs.js';
export { createLocalBackend } from './local-backend.js';
export { parsePayload, sweepPayloadSchema } from './payload-schema.js';
export { createQueueBackend, type QueueBackendOptions, workerName } from './queue-backend.js';
export { DEFAULT_QUEUE, payloadKey, type QueueJobData, resultsKey } from './queue-keys.js';
export { type QueueWorker, type QueueWorkerOptions, startQueueWorker } from './queue-worker.js';
export { checkRedisUrl, connectRedis, REDIS_PASSWORD_ENV, RedisUrlError, redactRedisUrl } from './redis-connection.js';
export { type RunSweepInput, runSweep, type SweepSummary } from './run-sweep.js';
export { type SweepDesign, sweepDesign } from './sweep-design.js';
export { jobParams, sweepJobs, sweepPlan } from './sweep-jobs.js';
export {
  parseSweepSpec,
  SWEEP_DESIGNS,
  type SweepSpec,
  SweepSpecError,
  sweepJsonSchema,
  sweepSpecSchema,
} from './sweep-spec.js';
export type * from './sweep-types.js';
