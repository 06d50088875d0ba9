/**
 * The Minsky strip (MODEL.md §7): one row per borrowing sector the model
 * classifies (`minsky_<sector>`: 0 hedge, 1 speculative, 2 Ponzi), coloured
 * month by month on the chain timeline's axis, so a reader sees which sectors
 * slid towards Ponzi finance and when, next to the links that fired.
 */
import { memo } from 'react';

/** Prefix of the Minsky class series (as in `@endgame/report`'s Minsky table). */
export const MINSKY_PREFIX = 'minsky_';
const CLASSES = ['hedge', 'speculative', 'Ponzi'] as const;
const LABELS: Record<string, string> = {
  hyperscalers: 'Hyperscalers',
  neoclouds: 'Neoclouds',
  ai_apps: 'AI apps',
  firms: 'Firms',
  hh_top: 'Households: top',
  hh_pro: 'Households: professional',
  hh_work: 'Households: workers',
};

/** A run of months in one class: first month index, length, class code. */
export interface MinskySpan {
  start: number;
  length: number;
  code: number;
}

/** `values` (class codes per month) as runs of equal class; values round to 0–2, anything else is dropped. */
export function minskySpans(values: ArrayLike<number>): MinskySpan[] {
  const spans: MinskySpan[] = [];
  for (let i = 0; i < values.length; i++) {
    const code = Math.round(values[i]);
    if (!(code >= 0 && code <= 2)) continue;
    const last = spans.at(-1);
    if (last && last.code === code && last.start + last.length === i) last.length++;
    else spans.push({ start: i, length: 1, code });
  }
  return spans;
}

/** Props of {@link MinskyStrip}. */
export interface MinskyStripProps {
  /** The run's series; every `minsky_*` among them gets a row. */
  series: Record<string, ArrayLike<number>>;
  time: string[];
}

/** The Minsky strip; nothing when the run has no Minsky series. */
export const MinskyStrip = memo(function MinskyStrip({ series, time }: MinskyStripProps) {
  const names = Object.keys(series).filter((n) => n.startsWith(MINSKY_PREFIX));
  if (names.length === 0) return null;
  const months = time.length;
  return (
    <section className="chain minsky" data-testid="minsky" aria-label="Minsky classes">
      <h2>
        Minsky classes{' '}
        <span className="unit">
          <span className="minsky-key minsky-c0">hedge</span> income covers interest and principal ·{' '}
          <span className="minsky-key minsky-c1">speculative</span> interest only ·{' '}
          <span className="minsky-key minsky-c2">Ponzi</span> neither
        </span>
      </h2>
      <ol className="chain-rows">
        {names.map((name) => {
          const sector = name.slice(MINSKY_PREFIX.length);
          const spans = minskySpans(series[name]);
          const ponzi = spans.find((s) => s.code === 2);
          return (
            <li key={name} data-testid={`minsky-${sector}`} data-first-ponzi={ponzi ? time[ponzi.start] : ''}>
              <span className="chain-label" title={name}>
                {LABELS[sector] ?? sector}
              </span>
              <span className="chain-track">
                {spans.map((s) => (
                  <span
                    key={s.start}
                    className={`minsky-span minsky-c${s.code}`}
                    style={{ left: `${(s.start / months) * 100}%`, width: `${(s.length / months) * 100}%` }}
                    title={`${CLASSES[s.code]}: ${time[s.start]} to ${time[s.start + s.length - 1]}`}
                  />
                ))}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
