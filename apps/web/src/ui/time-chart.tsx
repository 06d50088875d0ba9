/**
 * One uPlot time chart: lines (optionally with a dashed ghost line each, e.g.
 * the baseline) and optional percentile bands. Redraws with setData when only
 * the numbers change; rebuilds when the lines change. Calls `onDraw` after
 * each draw (the page counts draws for its benchmark).
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

/** A line and its optional ghost. */
export interface ChartLine {
  label: string;
  values: ArrayLike<number>;
  ghost?: ArrayLike<number>;
  ghostLabel?: string;
  dash?: boolean;
  /** Palette index (default: the line's position), so a compared line can share its original's colour. */
  colour?: number;
}

/** A percentile band: the line indices of its lower and upper edges. */
export interface ChartBand {
  lower: ArrayLike<number | null>;
  upper: ArrayLike<number | null>;
  label: string;
}

/** Line colours, readable on light and dark backgrounds. */
export const PALETTE = ['#2f7fd8', '#e0662b', '#2aa876', '#b553c6', '#c9a227'];

/** Props of {@link TimeChart}. */
export interface TimeChartProps {
  title: string;
  x: number[];
  lines: ChartLine[];
  bands?: ChartBand[];
  scale?: number;
  unit: string;
  height?: number;
  testId?: string;
  /** Show the legend (default true). */
  legend?: boolean;
  onDraw?: () => void;
}

function scaled(values: ArrayLike<number | null>, scale: number): (number | null)[] {
  return Array.from(values, (v) => (v === null || !Number.isFinite(v) ? null : v * scale));
}

function buildData(props: TimeChartProps): uPlot.AlignedData {
  const s = props.scale ?? 1;
  const data: (number | null)[][] = [];
  for (const band of props.bands ?? []) data.push(scaled(band.lower, s), scaled(band.upper, s));
  for (const line of props.lines) {
    data.push(scaled(line.values, s));
    if (line.ghost) data.push(scaled(line.ghost, s));
  }
  return [props.x, ...data] as uPlot.AlignedData;
}

function shapeKey(props: TimeChartProps): string {
  return [
    props.lines.map((l) => `${l.label}:${l.ghost ? 1 : 0}:${l.dash ? 1 : 0}`),
    (props.bands ?? []).length,
    props.unit,
  ].join('|');
}

const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });
const PLAIN = new Intl.NumberFormat('en');

/** Tick labels of a value axis: compact (`250K`, `1.5M`) once they reach 100 000, which would not fit its width. */
export function valueTicks(splits: readonly number[]): string[] {
  const big = splits.some((v) => Math.abs(v) >= 1e5);
  return splits.map((v) => (v === null ? '' : (big ? COMPACT : PLAIN).format(v)));
}

function buildOptions(props: TimeChartProps, width: number, ink: string): uPlot.Options {
  const series: uPlot.Series[] = [{}];
  const bands: uPlot.Band[] = [];
  (props.bands ?? []).forEach((band, i) => {
    const fill = i === 0 ? 'rgba(47,127,216,0.15)' : 'rgba(47,127,216,0.3)';
    series.push({ label: `${band.label} low`, stroke: 'transparent', points: { show: false } });
    series.push({ label: `${band.label} high`, stroke: 'transparent', points: { show: false } });
    bands.push({ series: [series.length - 1, series.length - 2], fill });
  });
  props.lines.forEach((line, i) => {
    const colour = PALETTE[(line.colour ?? i) % PALETTE.length];
    series.push({
      label: line.label,
      stroke: colour,
      width: 2,
      dash: line.dash ? [6, 4] : undefined,
      points: { show: false },
    });
    if (line.ghost) {
      series.push({
        label: line.ghostLabel ?? `${line.label} (baseline)`,
        stroke: `${colour}66`,
        width: 1.5,
        dash: [4, 4],
        points: { show: false },
      });
    }
  });
  return {
    width,
    height: props.height ?? 180,
    series,
    bands,
    legend: { show: props.legend !== false, live: false },
    cursor: { drag: { x: false, y: false } },
    axes: [
      { stroke: ink, grid: { stroke: 'rgba(128,128,128,0.15)' } },
      {
        stroke: ink,
        grid: { stroke: 'rgba(128,128,128,0.15)' },
        size: 56,
        values: (_u: uPlot, splits: number[]) => valueTicks(splits),
      },
    ],
    hooks: { draw: [() => props.onDraw?.()] },
  };
}

/** Charts holding new data they have not drawn because they are off screen: each entry draws it. */
const PENDING = new Set<() => void>();

/** Draws every off-screen chart's pending data now (before exporting a chart image). */
export function flushCharts(): void {
  for (const draw of [...PENDING]) draw();
}

/**
 * A time chart of `lines` against months `x` (Unix seconds). A chart off
 * screen keeps new numbers until it scrolls into view (or {@link flushCharts}),
 * so a slider move redraws only what can be seen.
 */
export function TimeChart(props: TimeChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = useRef('');
  const latest = useRef(props);
  const visible = useRef(true);
  const draw = useRef(() => {
    PENDING.delete(draw.current);
    plot.current?.setData(buildData(latest.current));
  });
  latest.current = props;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const key = shapeKey(props);
    if (plot.current && shape.current === key) {
      if (visible.current) draw.current();
      else PENDING.add(draw.current);
      return;
    }
    PENDING.delete(draw.current);
    plot.current?.destroy();
    shape.current = key;
    plot.current = new uPlot(
      buildOptions(
        { ...props, onDraw: () => latest.current.onDraw?.() },
        el.clientWidth || 320,
        getComputedStyle(el).color,
      ),
      buildData(props),
      el,
    );
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (plot.current && el.clientWidth > 0)
        plot.current.setSize({ width: el.clientWidth, height: props.height ?? 180 });
    });
    observer.observe(el);
    const seen = new IntersectionObserver(
      (entries) => {
        visible.current = entries.some((e) => e.isIntersecting);
        if (visible.current && PENDING.has(draw.current)) draw.current();
      },
      { rootMargin: '200px' },
    );
    seen.observe(el);
    return () => {
      observer.disconnect();
      seen.disconnect();
      PENDING.delete(draw.current);
      plot.current?.destroy();
      plot.current = null;
    };
  }, [props.height]);

  return (
    <figure className="chart" data-testid={props.testId}>
      <figcaption>
        {props.title} <span className="unit">({props.unit})</span>
      </figcaption>
      <div ref={box} className="chart-box" />
    </figure>
  );
}
