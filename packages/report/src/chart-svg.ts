/**
 * Draws report charts as standalone SVG text with Observable Plot on an
 * injected DOM document (linkedom in Node, the page's document in a browser):
 * a title, a legend, labelled axes, a white background (readable in light
 * and dark notes), and the `xmlns` a file needs.
 */

import type { ChainLinkResult } from '@endgame/model';
import * as Plot from '@observablehq/plot';
import type { LineChartData } from './chart-specs.js';
import { monthDate } from './chart-specs.js';
import type { CreateDocument } from './types.js';

/** Colours: the scenario, its fan bands, the comparison. */
export const COLOURS = { run: '#1f5fbf', band: '#1f5fbf', compare: '#7a7a85' } as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const HEIGHT = 340;
const TOP = 72;

/** A legend entry: a line (solid or dashed), a band swatch or a dot. */
interface LegendEntry {
  label: string;
  colour: string;
  kind: 'line' | 'dashed' | 'band' | 'dot' | 'ring';
}

function svgElement(document: Document, name: string, attributes: Record<string, string | number>): Element {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function swatch(document: Document, entry: LegendEntry, x: number, y: number): Element {
  switch (entry.kind) {
    case 'band':
      return svgElement(document, 'rect', {
        x,
        y: y - 5,
        width: 18,
        height: 10,
        fill: entry.colour,
        'fill-opacity': 0.25,
      });
    case 'dot':
      return svgElement(document, 'circle', { cx: x + 9, cy: y, r: 4, fill: entry.colour });
    case 'ring':
      return svgElement(document, 'circle', {
        cx: x + 9,
        cy: y,
        r: 4,
        fill: 'none',
        stroke: entry.colour,
        'stroke-width': 1.5,
      });
    default:
      return svgElement(document, 'line', {
        x1: x,
        x2: x + 18,
        y1: y,
        y2: y,
        stroke: entry.colour,
        'stroke-width': 2,
        ...(entry.kind === 'dashed' ? { 'stroke-dasharray': '5,3' } : {}),
      });
  }
}

/**
 * Adds the background, `<title>`, visible title, legend and (when given) the
 * y axis label to Plot's `svg`, all left-aligned at `left`, and returns it as
 * file text.
 */
function finish(
  document: Document,
  svg: Element,
  title: string,
  legend: LegendEntry[],
  left: number,
  yLabel?: string,
): string {
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const background = svgElement(document, 'rect', { width, height, fill: '#ffffff' });
  const heading = svgElement(document, 'text', {
    x: left,
    y: 22,
    'text-anchor': 'start',
    'font-size': 15,
    'font-weight': 'bold',
  });
  heading.textContent = title;
  const tooltip = svgElement(document, 'title', {});
  tooltip.textContent = title;
  const key = svgElement(document, 'g', { 'aria-label': 'legend', 'text-anchor': 'start', 'font-size': 11 });
  let x = left;
  for (const entry of legend) {
    key.appendChild(swatch(document, entry, x, 38));
    const label = svgElement(document, 'text', { x: x + 24, y: 38, dy: '0.32em' });
    label.textContent = entry.label;
    key.appendChild(label);
    x += 24 + entry.label.length * 6.2 + 18;
  }
  if (yLabel) {
    const axis = svgElement(document, 'text', {
      'aria-label': 'y-axis label',
      x: left,
      y: TOP - 16,
      'text-anchor': 'start',
    });
    axis.textContent = `↑ ${yLabel}`;
    svg.appendChild(axis);
  }
  svg.insertBefore(key, svg.firstChild);
  svg.insertBefore(heading, svg.firstChild);
  svg.insertBefore(background, svg.firstChild);
  svg.insertBefore(tooltip, svg.firstChild);
  return svg.outerHTML;
}

/** Plot's style for every chart: black text on white whatever the page's theme. */
const STYLE = { background: '#ffffff', color: '#1b1b1f', fontSize: '11px' } as const;

/** A headline chart (scenario line, comparison line, fan bands) as SVG text. */
export function lineChartSvg(createDocument: CreateDocument, chart: LineChartData): string {
  const document = createDocument();
  const marks: Plot.Markish[] = [];
  const legend: LegendEntry[] = [{ label: chart.run.name, colour: COLOURS.run, kind: 'line' }];
  if (chart.bands) {
    marks.push(
      Plot.areaY(chart.bands.outer, { x: 'date', y1: 'low', y2: 'high', fill: COLOURS.band, fillOpacity: 0.12 }),
    );
    marks.push(
      Plot.areaY(chart.bands.inner, { x: 'date', y1: 'low', y2: 'high', fill: COLOURS.band, fillOpacity: 0.25 }),
    );
    legend.push({ label: `5–95 % and 25–75 % of ${chart.bands.runs} runs`, colour: COLOURS.band, kind: 'band' });
  }
  if (chart.compare) {
    marks.push(
      Plot.lineY(chart.compare.points, {
        x: 'date',
        y: 'value',
        stroke: COLOURS.compare,
        strokeWidth: 1.5,
        strokeDasharray: '5,3',
      }),
    );
    legend.push({ label: chart.compare.name, colour: COLOURS.compare, kind: 'dashed' });
  }
  marks.push(Plot.lineY(chart.run.points, { x: 'date', y: 'value', stroke: COLOURS.run, strokeWidth: 2 }));
  const left = 64;
  const svg = Plot.plot({
    document,
    width: WIDTH,
    height: HEIGHT,
    marginTop: TOP,
    marginLeft: left,
    marginRight: 24,
    marginBottom: 40,
    style: STYLE,
    x: { type: 'utc', label: 'month', labelAnchor: 'right', labelArrow: 'none' },
    y: { label: null, grid: true, ticks: 6, nice: 6 },
    marks,
  }) as unknown as Element;
  return finish(document, svg, chart.spec.title, legend, 8, chart.spec.axis);
}

/**
 * The time axis of the chain chart: from the run's first month to 6 months
 * after the last onset, and at least two years, so one onset still gets a
 * readable axis.
 */
export function onsetDomain(start: string, links: readonly ChainLinkResult[]): [Date, Date] {
  const from = monthDate(start);
  const onsets = links.filter((l) => l.onset !== null).map((l) => monthDate(l.onset as string).getTime());
  const last = Math.max(from.getTime(), ...onsets);
  const end = new Date(last);
  end.setUTCMonth(end.getUTCMonth() + 6);
  const least = new Date(from);
  least.setUTCMonth(least.getUTCMonth() + 24);
  return [from, end > least ? end : least];
}

/**
 * The chain trace as a timeline from `start` (the run's first month): each
 * link's onset in the scenario (dots) and in the comparison (rings).
 */
export function chainChartSvg(
  createDocument: CreateDocument,
  start: string,
  run: { name: string; chain: readonly ChainLinkResult[] },
  compare?: { name: string; chain: readonly ChainLinkResult[] },
): string {
  const document = createDocument();
  const label = (l: ChainLinkResult) => `${l.id} ${l.label}`;
  const points = (chain: readonly ChainLinkResult[]) =>
    chain.filter((l) => l.onset !== null).map((l) => ({ link: label(l), date: monthDate(l.onset as string) }));
  const legend: LegendEntry[] = [{ label: `${run.name} onset`, colour: COLOURS.run, kind: 'dot' }];
  const marks: Plot.Markish[] = [];
  if (compare) {
    marks.push(
      Plot.dot(points(compare.chain), { x: 'date', y: 'link', r: 5, stroke: COLOURS.compare, strokeWidth: 1.5 }),
    );
    legend.push({ label: `${compare.name} onset`, colour: COLOURS.compare, kind: 'ring' });
  }
  marks.push(Plot.dot(points(run.chain), { x: 'date', y: 'link', r: 4, fill: COLOURS.run }));
  const left = 210;
  const domain = onsetDomain(start, [...run.chain, ...(compare?.chain ?? [])]);
  const svg = Plot.plot({
    document,
    width: WIDTH,
    height: TOP + 40 + run.chain.length * 22,
    marginTop: TOP,
    marginLeft: left,
    marginRight: 24,
    marginBottom: 40,
    style: STYLE,
    x: { type: 'utc', domain, label: 'onset month', labelAnchor: 'right', labelArrow: 'none', grid: true, inset: 12 },
    y: { label: null, domain: run.chain.map(label) },
    marks,
  }) as unknown as Element;
  return finish(document, svg, 'Recession chain: onset of each link', legend, 8);
}
