/**
 * A sweep's jobs and ids. A job's id is the content hash of its inputs (the
 * payload's hash, the metrics and the param values), so the same point always
 * has the same id and the store can keep each result once; the sweep's id is
 * the hash of its payload and its job ids, so running the same spec again
 * (or resuming it) finds the same sweep.
 */
import { contentHash, sha256, stableJson } from '@endgame/store';
import type { SweepDesign } from './sweep-design.js';
import type { PreparedSweep, SweepJob, SweepPayload, SweepPlan } from './sweep-types.js';

/** The params of a job as a record (name → value). */
export function jobParams(varied: readonly string[], values: readonly number[]): Record<string, number> {
  return Object.fromEntries(varied.map((name, i) => [name, values[i]]));
}

/** The jobs of `design` under a payload with hash `payloadHash`. */
export function sweepJobs(design: SweepDesign, payloadHash: string, metrics: readonly string[]): SweepJob[] {
  const k = design.varied.length;
  return Array.from({ length: design.count }, (_, index) => {
    const values = Array.from(design.points.subarray(index * k, (index + 1) * k));
    const id = contentHash({ payload: payloadHash, metrics, params: jobParams(design.varied, values) });
    return { id, index, values };
  });
}

/** The plan of a sweep: its payload (and hash), the prepared payload, its id. */
export function sweepPlan(
  payload: SweepPayload,
  prepared: PreparedSweep,
  design: SweepDesign,
): { plan: SweepPlan; jobs: SweepJob[] } {
  const payloadText = stableJson(payload);
  const payloadHash = sha256(payloadText);
  const jobs = sweepJobs(design, payloadHash, payload.metrics);
  const sweepId = contentHash({ payload: payloadHash, varied: design.varied, jobs: jobs.map((job) => job.id) });
  return { plan: { sweepId, payload, payloadHash, payloadText, prepared, varied: design.varied }, jobs };
}
