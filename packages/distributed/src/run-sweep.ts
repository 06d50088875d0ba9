/**
 * The coordinator of a sweep: records the sweep in the store, works out which
 * jobs are missing (all of them, or with `resume` those without a result),
 * runs them on a backend while upserting results as they come, and returns
 * the summary (counts from the store, so they cover earlier sessions too).
 */
import { type ResultsStore, stableJson } from '@endgame/store';
import { jobParams } from './sweep-jobs.js';
import type { SweepSpec } from './sweep-spec.js';
import type { JobResult, SweepBackend, SweepJob, SweepPlan } from './sweep-types.js';

/** What {@link runSweep} needs. */
export interface RunSweepInput {
  store: ResultsStore;
  spec: SweepSpec;
  /** The sweep's name. */
  name: string;
  plan: SweepPlan;
  jobs: readonly SweepJob[];
  backend: SweepBackend;
  /** Run only the jobs without a result in the store. */
  resume: boolean;
  /** endgame's version, recorded with the sweep. */
  version: string;
  /** Content hash of the model's files. */
  modelHash: string;
  /** The resolved scenario, recorded as the sweep's scenario. */
  scenario?: unknown;
  /** Called with the number of jobs finished in this session. */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/** The outcome of a sweep. */
export interface SweepSummary {
  sweepId: string;
  name: string;
  backend: string;
  /** Points in the design. */
  jobs: number;
  /** Jobs run in this session. */
  ran: number;
  /** Jobs that already had a result (with resume). */
  skipped: number;
  /** Jobs with a result, ok and failed (whole sweep). */
  ok: number;
  failed: number;
  /** The first few failures: index and error. */
  failures: { index: number; error: string }[];
  seconds: number;
  store: string;
}

/** Runs (or resumes) a sweep into the store. */
export async function runSweep(input: RunSweepInput): Promise<SweepSummary> {
  const t0 = performance.now();
  const { store, plan } = input;
  await store.recordRun({
    id: plan.sweepId,
    kind: 'sweep',
    name: input.name,
    version: input.version,
    modelHash: input.modelHash,
    scenario: input.scenario,
    params: { ...(input.spec.grid ?? {}), ...(input.spec.sample?.params ?? {}) },
    ...(input.spec.sample ? { seed: input.spec.sample.seed } : {}),
    inputs: JSON.parse(stableJson({ spec: input.spec, varied: plan.varied, payloadHash: plan.payloadHash })),
    status: 'running',
  });
  const finished = input.resume ? await store.finishedJobIds(plan.sweepId) : new Set<string>();
  const missing = input.jobs.filter((job) => !finished.has(job.id));
  const byId = new Map(input.jobs.map((job) => [job.id, job]));
  let done = 0;
  const onResults = async (results: JobResult[]) => {
    await store.upsertJobs(
      results.map((result) => ({
        runId: plan.sweepId,
        jobId: result.jobId,
        index: result.index,
        params: jobParams(plan.varied, (byId.get(result.jobId) as SweepJob).values),
        status: result.status,
        ...(result.error === undefined ? {} : { error: result.error }),
        ...(result.metrics === undefined ? {} : { metrics: result.metrics }),
        worker: result.worker,
      })),
    );
    done += results.length;
    input.onProgress?.(done);
  };
  if (missing.length > 0) {
    await input.backend.run(plan, missing, onResults, input.signal ? { signal: input.signal } : {});
  }
  const counts = await store.jobCounts(plan.sweepId, 5);
  const summary: SweepSummary = {
    sweepId: plan.sweepId,
    name: input.name,
    backend: input.backend.name,
    jobs: input.jobs.length,
    ran: missing.length,
    skipped: input.jobs.length - missing.length,
    ok: counts.jobs - counts.failed,
    failed: counts.failed,
    failures: counts.failures,
    seconds: Math.round((performance.now() - t0) / 10) / 100,
    store: store.path,
  };
  await store.setRunStatus(plan.sweepId, 'done', summary);
  return summary;
}
