/**
 * Scenario reports: a run (against a comparison, with Monte Carlo fan bands)
 * as a Markdown note with YAML front matter and SVG charts, or as one
 * self-contained HTML page. Shared by `endgame report` and the web app's
 * "export report"; pure (the caller injects the DOM document and writes the
 * files). May import engine, model and analysis only. See README.md.
 */
export { courseText, differencesFromBaseline, type ParamDifference, sourceText } from './assumptions-section.js';
export { type Block, code, heading, paragraph } from './blocks.js';
export { buildReport, fileSafe } from './build-report.js';
export {
  type BandPoint,
  type ChartSpec,
  HEADLINE_CHARTS,
  type LineChartData,
  type LinePoint,
  lineChartData,
  monthDate,
} from './chart-specs.js';
export { COLOURS, chainChartSvg, lineChartSvg } from './chart-svg.js';
export { fall, percent, significant, whole } from './format.js';
export { type FrontMatter, modelFingerprint, renderFrontMatter, tag } from './front-matter.js';
export { headlineParagraph } from './headline.js';
export { leverNames, POLICY_LEVERS } from './levers-section.js';
export { MINSKY_CLASSES, MINSKY_PREFIX, type MinskyRow, minskyRows } from './minsky-section.js';

export { escapeHtml, renderHtml } from './render-html.js';
export { renderMarkdown } from './render-markdown.js';
export { type ReproduceOptions, reproduceCommand, shellQuote } from './reproduce.js';
export { type ParamCourse, paramCourse, sameCourse, userParams } from './run-params.js';
export type { CreateDocument, Report, ReportInput, ReportMonteCarlo, ReportPercentiles } from './types.js';
