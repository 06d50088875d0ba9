/** Downloads from the page: CSV of the shown series, PNG of a chart, the scenario YAML. */
import type { RunReply } from '../worker/protocol.js';

/** Offers `content` as a download named `name`. */
export function download(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** CSV of `names` (month per row; the baseline's values as `NAME (baseline)` columns). */
export function seriesCsv(result: RunReply, names: readonly string[]): string {
  const present = names.filter((n) => result.series[n]);
  const header = ['month', ...present, ...present.filter((n) => result.baseline[n]).map((n) => `${n} (baseline)`)];
  const rows = result.time.map((month, i) => [
    month,
    ...present.map((n) => String(result.series[n][i])),
    ...present.filter((n) => result.baseline[n]).map((n) => String(result.baseline[n][i])),
  ]);
  return `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

/** A PNG of the chart canvas inside `figure` (on the page's background colour). */
export function chartPng(figure: Element): Promise<Blob | null> {
  const canvas = figure.querySelector('canvas');
  if (!canvas) return Promise.resolve(null);
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = getComputedStyle(document.body).backgroundColor || '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}
