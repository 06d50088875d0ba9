/**
 * The AI-endgame model package: the model and preset files, the calibration
 * data and Citrini targets, the chain trace, the scorecard, the summary, and
 * the scenario runner every surface (CLI, web) uses. Depends on
 * `@endgame/engine` only. See packages/model/README.md.
 */
export {
  type CalibrationFact,
  type CalibrationValue,
  calibrationFact,
  calibrationFacts,
  calibrationValue,
} from './calibration.js';
export { type ChainLinkResult, chainBrokenAfter, computeChainTrace } from './chain.js';
export {
  CAPABILITY_MARGIN,
  CHAIN_LINKS,
  type ChainIndicator,
  type ChainLinkDef,
  type ChainRule,
  INSURER_THRESHOLD_SERIES,
  RUN_MONTHS,
} from './chain-links.js';
export { quarterlyFalls, type RuleTrace, traceRule, yearOnYear } from './chain-rules.js';
export {
  COST_INPUT_PARAMS,
  type CostAssumption,
  type CostComparison,
  type CostInputs,
  compareCost,
  costComparatorPath,
  costOverrides,
} from './cost-comparator.js';
export type { ListDir } from './files.js';
export {
  FIXED_SERIES,
  FIXED_SERIES_PART1,
  FIXED_SERIES_PART2,
  FIXED_SERIES_PART3,
  SOFTWARE_SEGMENTS,
} from './fixed-series.js';
export {
  type InputKind,
  type InputOptions,
  isFileInput,
  modelPathFor,
  type ResolvedInput,
  resolveInput,
  unknownPreset,
} from './inputs.js';
export { addMonths, monthIndex, monthLabel, monthsBetween } from './months.js';
export {
  defaultModelPath,
  defaultPresetsDir,
  listPresets,
  type PresetInfo,
  type PresetOptions,
  presetNames,
  resolvePreset,
} from './presets.js';
export {
  clearModelCache,
  compiledModel,
  type RunScenarioOptions,
  runScenario,
  runScenarioDriven,
  type ScenarioDriver,
  type ScenarioRun,
  type ScenarioRunOptions,
} from './run-scenario.js';
export { monthOf, REAL_SUFFIX, type RunView, realSeries, viewOfResult, viewOfSeries } from './run-view.js';
export { computeScorecard, type ScorecardEntry, type ScorecardRuns, type TargetValue } from './scorecard.js';
export { TARGET_SCORING, type TargetMeasure, type TargetScoring } from './scorecard-measures.js';
export {
  computeSummary,
  cumulativeDeficit,
  FISCAL_COST_WINDOW,
  type RunSummary,
  SUMMARY_REFERENCE,
  type SummaryReference,
} from './summary.js';
export {
  allTargets,
  type CitriniTarget,
  TARGET_PRESETS,
  TARGETS_SOURCE,
  type TargetBand,
  targetsFor,
} from './targets.js';
export {
  KALECKI_TERMS,
  type KaleckiRow,
  kaleckiMonths,
  kaleckiTable,
  type UbiPayers,
  ubiPayers,
} from './value-summary.js';
