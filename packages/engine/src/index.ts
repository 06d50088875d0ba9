/**
 * The endgame engine: equations as data — parse, analyse, order, compile,
 * solve and check stock-flow-consistent and system-dynamics models.
 * See packages/engine/README.md and docs/model-format.md.
 */
export type * from './api-types.js';
export type { Expr, SourcePos } from './ast.js';
export { RESIDUAL_SERIES } from './build-program.js';
export { type CompileOptions, compile } from './compile.js';
export { EngineError, type ErrorCode, formatPos, type Warning } from './diagnostics.js';
export { instantiate } from './instance.js';
export { loadModel } from './load-model.js';
export { applySetOverrides, loadScenario, type ResolvedScenario, type ScenarioLoadOptions } from './load-scenario.js';
export type { EquationDef, ModelIR, ParamDef } from './model-ir.js';
export { parseEquation, parseExpression } from './parser.js';
export { printExpr } from './print-expr.js';
export { type ScenarioFile, scenarioJsonSchema, scenarioSchema } from './scenario-schema.js';
export { scenarioModelInfo, validateScenario } from './scenario-validate.js';
export { type ClosestOptions, closestName, didYouMean, editDistance } from './suggest.js';
export { monthToTime, timeToMonth } from './time.js';
