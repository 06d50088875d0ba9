/**
 * "Export report": the current scenario (against the compare view's choice)
 * as the report `endgame report` writes — built by the same code,
 * `@endgame/report`'s `buildReport`, on the page's own document. The page
 * loads this module only when the user asks for a report (it pulls in
 * Observable Plot and runs the model on the main thread). A changed scenario
 * goes with its scenario file, named so that the report's reproduce command
 * (`npx endgame report NAME.yaml --compare …`) makes the same report.
 */
import { buildReport, type Report, reproduceCommand } from '@endgame/report';
import webPackage from '../../package.json' with { type: 'json' };
import { isPlainPreset, type ScenarioState, scenarioYaml } from '../scenario/scenario-state.js';
import { runState } from '../worker/run-state.js';
import { type ZipEntry, zipStore } from './zip-store.js';

/** What to report on. */
export interface ReportRequest {
  state: ScenarioState;
  /** The comparison (the compare view's B); none when it is the current scenario's own unchanged preset. */
  compare: ScenarioState | null;
  /** True when the comparison is the pinned scenario (its file is then `PRESET-pinned.yaml`). */
  pinned: boolean;
  /** When the report is made (ISO 8601). */
  runDate: string;
}

/** A report and the files that go with it. */
export interface ReportExport {
  report: Report;
  /** The Markdown, its SVGs and the scenario files its reproduce command reads, by file name. */
  files: Record<string, string>;
}

/** How a scenario is named on the command line: a preset by name, a changed one by its file. */
interface CommandInput {
  /** The run's (and the file's) name. */
  name: string;
  /** The command-line argument: the preset or `NAME.yaml`. */
  argument: string;
  /** The scenario file, for a changed state. */
  yaml?: string;
}

function commandInput(state: ScenarioState, changedName: string): CommandInput {
  if (isPlainPreset(state)) return { name: state.preset, argument: state.preset };
  return { name: changedName, argument: `${changedName}.yaml`, yaml: scenarioYaml(state) };
}

/** The version the report's front matter names (`engine: endgame VERSION`). */
export const WEB_VERSION: string = webPackage.version;

/** Runs the request's scenarios and builds their report with the page's document. */
export function buildScenarioReport(request: ReportRequest): ReportExport {
  const { state, compare } = request;
  const input = commandInput(state, state.preset);
  const other = compare ? commandInput(compare, request.pinned ? `${compare.preset}-pinned` : compare.preset) : null;
  const run = runState(state, input.name);
  const compareRun = compare && other ? runState(compare, other.name) : undefined;
  const report = buildReport({
    run,
    ...(compareRun ? { compare: compareRun } : {}),
    command: reproduceCommand({ input: input.argument, ...(other ? { compare: other.argument } : {}) }),
    runDate: request.runDate,
    version: WEB_VERSION,
    createDocument: () => document.implementation.createHTMLDocument(''),
  });
  const files: Record<string, string> = { [`${report.name}.md`]: report.markdown, ...report.files };
  for (const scenario of [input, other]) if (scenario?.yaml) files[`${scenario.name}.yaml`] = scenario.yaml;
  return { report, files };
}

/** The files as one ZIP (stored), dated `modified`: unpack into a notes vault as they are. */
export function reportZip(files: Record<string, string>, modified: Date): Uint8Array<ArrayBuffer> {
  const entries: ZipEntry[] = Object.entries(files).map(([name, content]) => ({ name, content }));
  return zipStore(entries, modified);
}
