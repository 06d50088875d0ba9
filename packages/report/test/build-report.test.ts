import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPresetsDir } from '@endgame/model';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { differencesFromBaseline } from '../src/assumptions-section.js';
import { PRESETS, presetReport, presetRun } from './fixtures.js';

/** The front matter of a note, parsed as YAML. */
function frontMatter(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  expect(match).not.toBeNull();
  return parse((match as RegExpExecArray)[1]) as Record<string, unknown>;
}

/** The `set:` keys of a preset file and of every preset it extends, read from the files themselves. */
function presetSetKeys(name: string): Set<string> {
  const doc = parse(readFileSync(join(defaultPresetsDir(), `${name}.yaml`), 'utf8')) as {
    extends?: string;
    set?: Record<string, number>;
    triggers?: { set?: Record<string, number> }[];
  };
  const keys = doc.extends ? presetSetKeys(doc.extends) : new Set<string>();
  for (const key of Object.keys(doc.set ?? {})) keys.add(key);
  // A param a trigger moves differs from baseline too.
  for (const trigger of doc.triggers ?? []) for (const key of Object.keys(trigger.set ?? {})) keys.add(key);
  return keys;
}

/** The `## ` sections of a note, in order. */
function sections(markdown: string): string[] {
  return [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
}

describe.each(PRESETS)('the report of %s against baseline', (name) => {
  const report = presetReport(name, 'baseline');

  it('has front matter with title, scenario, run date, versions and tags', () => {
    const fields = frontMatter(report.markdown);
    expect(fields.title).toBe(`${name} against baseline`);
    expect(fields.scenario).toBe(name);
    expect(fields.compare).toBe('baseline');
    expect(fields.run_date).toBe('2026-11-30T12:00:00.000Z');
    expect(fields.engine).toBe('endgame 0.1.0');
    expect(fields.model).toMatch(/^endgame [0-9a-f]{8}$/);
    expect(fields.tags).toEqual(expect.arrayContaining(['endgame', name]));
  });

  it('has every section of the issue, in order', () => {
    const expected = ['Headline', 'Charts', 'Chain trace', 'Policy levers and fiscal cost', 'Minsky classification'];
    expected.push('Assumptions that differ from baseline', 'Reproduce');
    const got = sections(report.markdown).filter((s) => s !== 'Scorecard');
    expect(got).toEqual(expected);
    expect(report.markdown).toContain(`npx endgame report ${name} --compare baseline --out out/`);
  });

  it('links one SVG file per image, each a chart with a title, axes with tick labels and an axis label', () => {
    const links = [...report.markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(Object.keys(report.files).sort());
    // Six headline charts, and the chain chart when a link fires in the scenario or in baseline.
    const fired = [name, 'baseline'].some((n) => presetRun(n).chain.some((l) => l.onset !== null));
    expect(links.length).toBe(fired ? 7 : 6);
    for (const [file, svg] of Object.entries(report.files)) {
      const { document } = parseHTML(`<html><body>${svg}</body></html>`);
      const root = document.querySelector('svg');
      expect(root?.getAttribute('xmlns'), file).toBe('http://www.w3.org/2000/svg');
      expect(root?.querySelector('title')?.textContent, file).toBeTruthy();
      const ticks = (axis: string) => [...document.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)];
      expect(ticks('x').length, file).toBeGreaterThan(2);
      expect(ticks('y').length, file).toBeGreaterThan(2);
      expect(document.querySelector('[aria-label="x-axis label"]')?.textContent, file).toMatch(/month/);
      if (!file.endsWith('-chain.svg')) {
        expect(document.querySelector('[aria-label="y-axis label"]')?.textContent, file).toMatch(/^↑ ./);
      }
    }
  });

  it('inlines every chart in one HTML page that loads nothing', () => {
    expect(report.html.match(/<svg /g)?.length).toBe(Object.keys(report.files).length);
    expect(report.html).not.toMatch(/\s(src|href)=/);
    expect(report.html).toContain('prefers-color-scheme: dark');
  });

  it('lists only params its preset files set or its triggers move, when they differ from baseline', () => {
    const differing = differencesFromBaseline(presetRun(name)).map((d) => d.slot.name);
    const set = presetSetKeys(name);
    for (const param of differing) expect(set.has(param), param).toBe(true);
    if (name === 'baseline') expect(differing).toEqual([]);
  });
});

describe('citrini-2028 against baseline, as a user reads it', () => {
  const report = presetReport('citrini-2028', 'baseline');

  it('shows the driver values next to baseline with unit, doc and source', () => {
    // citrini-2028.yaml sets diffusion_time: 3.5; the model's value is 12 yr.
    expect(report.markdown).toMatch(/\| `diffusion_time` \| 3\.5 \| 12 \| yr \| diffusion lag[^|]*\| assumption/);
    // 2026.25 is shown in full (baseline 2026).
    expect(report.markdown).toContain('| `agentic_step_start` | 2026.25 | 2026 | yr |');
  });

  it('draws rates in percent: the unemployment axis reaches just past the peak × 100', () => {
    const peak = Number(presetRun('citrini-2028').summary.unemployment_peak) * 100;
    const { document } = parseHTML(`<html><body>${report.files['citrini-2028-unemployment.svg']}</body></html>`);
    const ticks = [...document.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) =>
      Number(t.textContent),
    );
    // Plot's "nice" domain ends at the first round tick at or above the data's maximum.
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(peak);
    expect(Math.max(...ticks)).toBeLessThan(peak + 5);
  });

  it('has the scorecard of the Citrini targets', () => {
    expect(sections(report.markdown)).toContain('Scorecard');
    // The row shows the run's own scorecard entry: its value and band (the band is the Citrini target file's).
    const entry = presetRun('citrini-2028').scorecard.find((e) => e.id === 'recession_start');
    const band = entry?.band as [string, string];
    expect(band).toEqual(['2027-01', '2027-12']);
    expect(report.markdown).toContain(`| recession_start |`);
    expect(report.markdown).toMatch(
      new RegExp(`\\| recession_start \\| [^|]+ \\| ${entry?.value} \\| 2027-01 … 2027-12 \\|`),
    );
  });
});

describe('policy-response against citrini-2028', () => {
  const report = presetReport('policy-response', 'citrini-2028');

  it('shows the triggered levers with the month they moved, and the fiscal cost against the comparison', () => {
    expect(report.markdown).toMatch(/\| `ubi_amount` \| 0 → 6 from \d{4}-\d{2} \| 0 \|/);
    expect(report.markdown).toContain('- when `unemployment_rate > 0.07` for 0.25 yr: set `ubi_amount` = 6');
    expect(report.markdown).toMatch(
      /fiscal cost against citrini-2028 \(difference of cumulative deficits\): -?[\d,]+ USD bn/,
    );
  });
});

describe('fan bands', () => {
  it('draws the 5–95 % and 25–75 % bands from the Monte Carlo percentiles', () => {
    const run = presetRun('baseline');
    const months = run.view.months;
    const band = (offset: number) => Array.from({ length: months }, (_, i) => 0.05 + offset + i * 1e-5);
    const mc = {
      runs: 40,
      seed: 7,
      percentiles: {
        unemployment_rate: { p5: band(-0.02), p25: band(-0.01), p50: band(0), p75: band(0.01), p95: band(0.02) },
      },
    };
    const report = presetReport('baseline', undefined, mc);
    const svg = report.files['baseline-unemployment.svg'];
    const { document } = parseHTML(`<html><body>${svg}</body></html>`);
    const areas = document.querySelectorAll('g[aria-label="area"] path');
    expect(areas.length).toBe(2);
    expect(svg).toContain('5–95 % and 25–75 % of 40 runs');
    expect(report.markdown).toContain('of 40 Monte Carlo runs (seed 7)');
    expect(report.files['baseline-gdp.svg']).not.toContain('runs');
  });
});
