/**
 * Builds a scenario report — a Markdown note with YAML front matter, SVG
 * charts beside it, and the same content as one self-contained HTML page —
 * from finished runs. Pure: no file system, no globals; the caller injects
 * the DOM document the charts are drawn on and writes the files.
 */

import { assumptionsSection } from './assumptions-section.js';
import { type Block, code, heading, paragraph } from './blocks.js';
import { chainSection } from './chain-section.js';
import { lineChartData } from './chart-specs.js';
import { chainChartSvg, lineChartSvg } from './chart-svg.js';
import { significant } from './format.js';
import { type FrontMatter, modelFingerprint, renderFrontMatter, tag } from './front-matter.js';
import { headlineParagraph } from './headline.js';
import { leversSection } from './levers-section.js';
import { minskySection } from './minsky-section.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { scorecardSection } from './scorecard-section.js';
import type { Report, ReportInput } from './types.js';

/** A name safe as a file name on every system: letters, digits, `.`, `_`, `-`. */
export function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'report';
}

function frontMatter(input: ReportInput): FrontMatter {
  const { run, compare, mc } = input;
  const fields: FrontMatter = [
    ['title', compare ? `${run.name} against ${compare.name}` : run.name],
    ['scenario', run.name],
  ];
  if (compare) fields.push(['compare', compare.name]);
  if (run.description) fields.push(['description', run.description]);
  fields.push(
    ['run_date', input.runDate],
    ['engine', `endgame ${input.version}`],
    ['model', `${run.compiled.name} ${modelFingerprint(run.compiled.source)}`],
    ['months', `${run.time[0]}..${run.time[run.time.length - 1]}`],
  );
  if (mc) fields.push(['mc_runs', mc.runs], ['mc_seed', mc.seed]);
  const tags = ['endgame', 'scenario', tag(run.name), ...(compare ? [tag(compare.name)] : [])];
  fields.push(['tags', [...new Set(tags)]]);
  return fields;
}

function chartBlocks(input: ReportInput, name: string, files: Record<string, string>): Block[] {
  const { run, compare, mc } = input;
  const blocks: Block[] = [heading(2, 'Charts')];
  const what = [`${run.name} (solid line)`];
  if (compare) what.push(`${compare.name} (dashed)`);
  if (mc) what.push(`fan bands: 5–95 % and 25–75 % of ${mc.runs} Monte Carlo runs (seed ${mc.seed})`);
  blocks.push(paragraph(`${what.join(', ')}.`));
  for (const chart of lineChartData(run, compare, mc)) {
    const file = `${name}-${chart.spec.id}.svg`;
    files[file] = lineChartSvg(input.createDocument, chart);
    blocks.push({ kind: 'image', file, alt: `${chart.spec.title}: ${chart.spec.axis}` });
  }
  const fired = [...run.chain, ...(compare?.chain ?? [])].some((l) => l.onset !== null);
  if (fired) {
    const file = `${name}-chain.svg`;
    files[file] = chainChartSvg(input.createDocument, run.view.start, run, compare);
    blocks.push({ kind: 'image', file, alt: 'Recession chain: onset month of each link' });
  }
  if (blocks.length === 2) blocks.push(paragraph('This model has none of the headline series to chart.'));
  return blocks;
}

function reproduceBlocks(input: ReportInput): Block[] {
  const { maxResidual, where } = input.run.result.accounting;
  return [
    heading(2, 'Reproduce'),
    { kind: 'code', language: 'sh', text: input.command },
    paragraph(
      `Accounting: largest residual of the model's matrices over the run ${significant(maxResidual)}${where ? ` (${code(where)})` : ''}. Every param's unit, doc and source: ${code(`npx endgame vars ${input.run.name}`)}.`,
    ),
  ];
}

/**
 * The report of `input.run` (against `input.compare`, with fan bands from
 * `input.mc`): `markdown` links the charts by file name, `files` holds them,
 * `html` inlines them.
 */
export function buildReport(input: ReportInput): Report {
  const { run, compare } = input;
  const name = fileSafe(run.name);
  const files: Record<string, string> = {};
  const title = compare ? `${run.name} against ${compare.name}` : run.name;
  const blocks: Block[] = [heading(1, title)];
  if (run.description) blocks.push(paragraph(`Scenario: ${run.description}`));
  const headline = headlineParagraph(run, compare);
  blocks.push(heading(2, 'Headline'), paragraph(headline || 'This model has none of the headline series.'));
  blocks.push(...chartBlocks(input, name, files));
  blocks.push(...chainSection(run, compare));
  blocks.push(...scorecardSection(run));
  blocks.push(...leversSection(run, compare));
  blocks.push(...minskySection(run));
  blocks.push(...assumptionsSection(run));
  blocks.push(...reproduceBlocks(input));
  const fields = frontMatter(input);
  const markdown = `${renderFrontMatter(fields)}\n${renderMarkdown(blocks)}`;
  const meta = fields
    .filter(([key]) => key !== 'title' && key !== 'description')
    .map(([key, value]): [string, string] => [key, Array.isArray(value) ? value.join(', ') : String(value)]);
  return { name, markdown, html: renderHtml(title, meta, blocks, files), files };
}
