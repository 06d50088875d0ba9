/**
 * The analysis package: seeded random streams, distributions, Monte Carlo,
 * Sobol/Morris sensitivity, outcome maps, the policy optimiser and the runner
 * interface (in-process, Node worker pool, Web Worker). Depends on
 * `@endgame/engine` and `@endgame/model` only.
 */

export {
  ChainTally,
  chainLinksFor,
  chainSeries,
  type LinkProbability,
  onsetPercentiles,
  PERCENTILE_LEVELS,
  type PercentileKey,
  RECESSION_SERIES,
  recessionYears,
} from './chain-probabilities.js';
export { abortError, TARGET_CHUNK_MS } from './chunk-scheduler.js';
export { createRunner } from './create-runner.js';
export { quantile, sampleParam, sampleParams } from './distributions.js';
export { type McRow, mcCsv, mcHeader, mcRows, whenColumn } from './export-csv.js';
export { MC_PARQUET_METADATA_KEY, mcParquet } from './export-parquet.js';
export {
  axisValues,
  checkAxis,
  type GridAxis,
  gridSamples,
  type OutcomeMap,
  outcomeMap,
  outcomeMapCsv,
} from './grid.js';
export { colourAt, escapeXml, type HeatmapOptions, heatmapSvg, tickLabel } from './heatmap-svg.js';
export { latinHypercube } from './latin-hypercube.js';
export { describeFailedRun } from './mc-batches.js';
export { checkMetricSeries, type MetricTimeBase, parseMetric, REDUCERS, reduceSeries } from './metric.js';
export {
  checkRuns,
  checkSeries,
  drawSamples,
  HEADLINE_METRICS,
  headlineMetrics,
  type McTimeAxis,
  type MonteCarloInput,
  type MonteCarloResult,
  mcTimeAxis,
  monteCarlo,
  noUncertainParams,
  type SeriesPercentiles,
  scenarioUncertainParams,
} from './monte-carlo.js';
export {
  type BatchEvaluate,
  type MorrisDesign,
  type MorrisIndex,
  type MorrisOptions,
  type MorrisResult,
  morris,
  morrisDesign,
  morrisIndices,
  toParamSpace,
} from './morris.js';
export {
  type ConstraintReport,
  checkLevers,
  type Lever,
  type OptimizeOptions,
  type OptimizeResult,
  type OutcomeConstraint,
  type OutcomeEvaluate,
  optimize,
  parseConstraint,
  robustOutcomes,
  slackOf,
} from './optimize.js';
export { type EvaluateOptions, NAMED_OUTCOMES, type Outcome, parseOutcome, runnerEvaluate } from './outcomes.js';
export { checkSeed, MAX_SEED, randomIndex, runStreams, seededRng } from './rng.js';
export { checkJob, modelKey, periodsOf, type RunBatchOptions, runBatch, valuesPerRun } from './run-batch.js';
export { createInProcessRunner } from './runner-in-process.js';
export { createNodePoolRunner } from './runner-node-pool.js';
export { createWebWorkerRunner, type WorkerLike } from './runner-web-worker.js';
export {
  type SaltelliDesign,
  type SobolIndex,
  type SobolOptions,
  type SobolResult,
  saltelliDesign,
  sobolFromValues,
  sobolIndices,
} from './sobol-indices.js';
export { owenScramble, SOBOL_MAX_DIMS, type SobolSequenceOptions, sobolPoints } from './sobol-sequence.js';
export { incompleteBeta, incompleteBetaInverse, logGamma, normalCdf, normalQuantile } from './special-functions.js';
export { averageRanks, mean, type NumberArray, pearson, percentile, sortedCopy, spearman } from './stats.js';
export type * from './types.js';
export { DIST_KINDS, type UncertaintyOverride, uncertainParams } from './uncertain.js';
export {
  attachWorkerScope,
  type WebWorkerRequest,
  type WebWorkerResponse,
  type WorkerScopeLike,
} from './web-worker-protocol.js';
export { workerEntryBeside } from './worker-file.js';
export { handleWorkerTask, type WorkerReply, type WorkerTask } from './worker-protocol.js';
