/**
 * Household micro-simulation under the macro model (issue 10): a seeded
 * synthetic population in struct-of-arrays shards, advanced month by month
 * in this thread or a worker pool, standalone on a stored run or coupled to
 * the model through `step`. Imports engine, model and analysis only.
 */
export { assumptionEntries, GROUPS, METROS, MICRO_ASSUMPTIONS, OCCUPATIONS } from './assumptions.js';
export { BURN_IN_MONTHS, calibrateDelinquency, REFERENCE_SEED } from './calibrate.js';
export { COUPLED_VARIABLES, type CoupledRun, coupledDriver, runCoupled } from './coupled.js';
export {
  consumptionByDecile,
  giniOfHistogram,
  middleClassShare,
  quantileOfHistogram,
  shareBetween,
} from './distribution.js';
export { inProcessExecutor, poolExecutor, type ShardExecutor } from './executor.js';
export { binEdge, HIST_BINS } from './layout.js';
export { checkHouseholds, createPopulation, MAX_HOUSEHOLDS } from './population.js';
export { instanceReader, resultReader } from './readers.js';
export { exportSample, SAMPLE_COLUMNS } from './sample.js';
export { BYTES_PER_HOUSEHOLD, SHARD_SIZE } from './shard.js';
export {
  MICRO_SERIES,
  type MicroAggregates,
  type MicroOptions,
  type MicroResult,
  MicroSimulation,
} from './simulation.js';
export { checkMonthly, executorFor, type MicroRunOptions, runMicroStandalone } from './standalone.js';
export { type MicroSummary, microSummary } from './summary.js';
