/**
 * The headline charts with the baseline as a ghost line; a chart whose series
 * the model lacks says so instead of drawing.
 */
import { memo } from 'react';
import { type ChartDef, HEADLINE_CHARTS } from '../charts/chart-list.js';
import type { RunReply } from '../worker/protocol.js';
import { TimeChart } from './time-chart.js';

/** Props of {@link ChartGrid}. */
export interface ChartGridProps {
  result: RunReply;
  x: number[];
  /** A second run drawn dashed (compare view); null for none. */
  other?: { label: string; result: RunReply } | null;
  onDraw?: () => void;
}

/** The series of `chart` the run has, and those it lacks. */
export function chartSeries(chart: ChartDef, result: RunReply) {
  return {
    present: chart.series.filter((s) => result.series[s.name] !== undefined),
    absent: chart.series.filter((s) => result.series[s.name] === undefined),
  };
}

/** The headline chart grid (redrawn only when its run changes). */
export const ChartGrid = memo(function ChartGrid({ result, x, other, onDraw }: ChartGridProps) {
  return (
    <div className="chart-grid">
      {HEADLINE_CHARTS.map((chart) => {
        const { present, absent } = chartSeries(chart, result);
        if (present.length === 0) {
          return (
            <figure key={chart.id} className="chart missing" data-testid={`chart-${chart.id}`}>
              <figcaption>{chart.title}</figcaption>
              <p className="notice">not in this model yet ({absent.map((s) => s.name).join(', ')})</p>
            </figure>
          );
        }
        const lines = present.flatMap((s, j) => {
          const mine = {
            colour: j,
            label: other ? `${s.label} (A)` : s.label,
            values: result.series[s.name],
            ...(other ? {} : { ghost: result.baseline[s.name] }),
          };
          const theirs = other?.result.series[s.name];
          return theirs
            ? [mine, { label: `${s.label} (B: ${other.label})`, values: theirs, dash: true, colour: j }]
            : [mine];
        });
        return (
          <div key={chart.id} className="chart-cell">
            <TimeChart
              testId={`chart-${chart.id}`}
              title={chart.title}
              x={x}
              lines={lines}
              scale={chart.scale}
              unit={chart.unit}
              onDraw={onDraw}
            />
            {absent.length > 0 && (
              <p className="notice small">not in this model yet: {absent.map((s) => s.name).join(', ')}</p>
            )}
          </div>
        );
      })}
    </div>
  );
});
