/**
 * An outcome map drawn as a standalone SVG heatmap: one cell per grid point
 * coloured on a viridis-like scale, axes with ticks and labels, a colour
 * legend and a title naming the metric. Plain string building, no library.
 */
import type { OutcomeMap } from './grid.js';

/** Options of {@link heatmapSvg}. */
export interface HeatmapOptions {
  /** Title (default: `METRIC by Y and X`). */
  title?: string;
  width?: number;
  height?: number;
}

/** Viridis sampled at 9 stops (matplotlib's colour map, public domain). */
const STOPS = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
] as const;

/** The colour of t in [0, 1] on the scale, as `#rrggbb`. */
export function colourAt(t: number): string {
  const u = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(u));
  const f = u - i;
  const hex = (c: number) => Math.round(c).toString(16).padStart(2, '0');
  const [r, g, b] = [0, 1, 2].map((c) => STOPS[i][c] + f * (STOPS[i + 1][c] - STOPS[i][c]));
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

/** Escapes text for XML content and attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A short label for a number (≤ 4 significant digits, no trailing zeros). */
export function tickLabel(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(4)));
}

/** Indices of at most `max` ticks spread over n cells (always the first and the last). */
function tickIndices(n: number, max = 8): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil((n - 1) / (max - 1));
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += step) out.push(i);
  if (n - 1 - out[out.length - 1] < step / 2) out.pop();
  out.push(n - 1);
  return out;
}

/** Draws `map` as an SVG document (x to the right, y upwards, one rectangle per cell). */
export function heatmapSvg(map: OutcomeMap, options: HeatmapOptions = {}): string {
  const width = options.width ?? 720;
  const height = options.height ?? 540;
  const title = options.title ?? `${map.metric} by ${map.y.name} and ${map.x.name}`;
  const left = 90;
  const right = 140;
  const top = 50;
  const bottom = 70;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const nx = map.x.values.length;
  const ny = map.y.values.length;
  const cellW = plotW / nx;
  const cellH = plotH / ny;
  const finite = map.z.flat().filter(Number.isFinite);
  const min = finite.length ? Math.min(...finite) : 0;
  const max = finite.length ? Math.max(...finite) : 1;
  const span = max > min ? max - min : 1;
  const out: string[] = [];
  const f = (v: number) => Number(v.toFixed(2));
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
  );
  out.push(`<title>${escapeXml(title)}</title>`);
  out.push('<rect width="100%" height="100%" fill="#ffffff"/>');
  out.push(
    `<text x="${f(left + plotW / 2)}" y="28" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(title)}</text>`,
  );
  out.push('<g class="cells">');
  map.z.forEach((row, iy) => {
    row.forEach((v, ix) => {
      const x = left + ix * cellW;
      const y = top + (ny - 1 - iy) * cellH;
      const fill = Number.isFinite(v) ? colourAt((v - min) / span) : '#cccccc';
      const label = `${map.x.name}=${tickLabel(map.x.values[ix])}, ${map.y.name}=${tickLabel(map.y.values[iy])}: ${tickLabel(v)}`;
      out.push(
        `<rect x="${f(x)}" y="${f(y)}" width="${f(cellW + 0.5)}" height="${f(cellH + 0.5)}" fill="${fill}"><title>${escapeXml(label)}</title></rect>`,
      );
    });
  });
  out.push('</g>');
  out.push(`<rect x="${left}" y="${top}" width="${f(plotW)}" height="${f(plotH)}" fill="none" stroke="#333333"/>`);
  out.push('<g class="x-axis" text-anchor="middle">');
  for (const ix of tickIndices(nx)) {
    const x = f(left + (ix + 0.5) * cellW);
    out.push(`<line x1="${x}" y1="${top + plotH}" x2="${x}" y2="${top + plotH + 5}" stroke="#333333"/>`);
    out.push(`<text x="${x}" y="${top + plotH + 19}">${escapeXml(tickLabel(map.x.values[ix]))}</text>`);
  }
  out.push(`<text x="${f(left + plotW / 2)}" y="${height - 20}" font-size="14">${escapeXml(map.x.name)}</text>`);
  out.push('</g>');
  out.push('<g class="y-axis" text-anchor="end">');
  for (const iy of tickIndices(ny)) {
    const y = f(top + (ny - 1 - iy + 0.5) * cellH);
    out.push(`<line x1="${left - 5}" y1="${y}" x2="${left}" y2="${y}" stroke="#333333"/>`);
    out.push(`<text x="${left - 8}" y="${f(y + 4)}">${escapeXml(tickLabel(map.y.values[iy]))}</text>`);
  }
  const yMid = f(top + plotH / 2);
  out.push(
    `<text x="20" y="${yMid}" font-size="14" text-anchor="middle" transform="rotate(-90 20 ${yMid})">${escapeXml(map.y.name)}</text>`,
  );
  out.push('</g>');
  const legendX = left + plotW + 30;
  const legendW = 18;
  out.push('<defs><linearGradient id="legend-scale" x1="0" y1="1" x2="0" y2="0">');
  STOPS.forEach((_, i) => {
    const t = i / (STOPS.length - 1);
    out.push(`<stop offset="${f(t)}" stop-color="${colourAt(t)}"/>`);
  });
  out.push('</linearGradient></defs>');
  out.push('<g class="legend">');
  out.push(
    `<rect x="${legendX}" y="${top}" width="${legendW}" height="${f(plotH)}" fill="url(#legend-scale)" stroke="#333333"/>`,
  );
  for (let i = 0; i <= 4; i++) {
    const t = i / 4;
    const y = f(top + plotH * (1 - t));
    out.push(`<line x1="${legendX + legendW}" y1="${y}" x2="${legendX + legendW + 5}" y2="${y}" stroke="#333333"/>`);
    out.push(
      `<text x="${legendX + legendW + 8}" y="${f(y + 4)}">${escapeXml(tickLabel(max > min ? min + t * span : min))}</text>`,
    );
  }
  // Legend title right-aligned above the colour bar, clear of its top tick label.
  out.push(`<text x="${width - 8}" y="${top - 16}" font-size="11" text-anchor="end">${escapeXml(map.metric)}</text>`);
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
