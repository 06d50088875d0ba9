import { describe, expect, it } from 'vitest';
import { FIXTURE_MODEL, runFixture, runWithPresets } from './endgame-fixtures.js';
import { lines } from './run-cli.js';

describe('endgame list', () => {
  it('prints the presets with one-line descriptions', () => {
    const run = runFixture('list');
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    expect(out[0].split(/\s{2,}/)).toEqual(['preset', 'description']);
    expect(out.slice(2).map((line) => line.split(/\s{2,}/)[0])).toEqual([
      'bad-driver',
      'baseline',
      'citrini-2028',
      'policy-response',
    ]);
    expect(out.find((line) => line.startsWith('citrini-2028'))).toMatch(
      /fast capability growth, layoffs and an equity crash in 2027-07$/,
    );
  });

  it('prints JSON', () => {
    const out = JSON.parse(runFixture('list', '--format', 'json').stdout) as { presets: { name: string }[] };
    expect(out.presets.map((p) => p.name)).toContain('policy-response');
  });

  it('says when there are no presets', () => {
    expect(runWithPresets('packages/model/test/fixtures/no-such-folder', 'list').stdout).toBe('no presets yet\n');
  });
});

describe('endgame scorecard', () => {
  it('prints every target with value, band, gap and an explanation when outside; exit 0 on misses', () => {
    const run = runFixture('scorecard', 'citrini-2028');
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    expect(out[0]).toMatch(/^citrini-2028: \d+ of \d+ scored targets inside their band/);
    expect(out[1].split(/\s{2,}/)).toEqual(['target', 'tier', 'value', 'band', 'gap', 'inside', 'explanation']);
    // Drawdown at 2028-06: 6845.5 × 1.30 × 0.7 against the peak 6845.5 × 1.18: −22.9 %.
    const drawdown = out.find((line) => line.startsWith('equity_drawdown_2028_06'))!;
    expect(drawdown).toMatch(/ci\s+-0\.2288\s+-0\.45\.\.-0\.3\s+0\.07119\s+NO\s+-0\.2288 is above \[-0\.45, -0\.3\]: /);
    expect(out.find((line) => line.startsWith('recession_start'))).toMatch(/2027-07\s+2027-01\.\.2027-12\s+0\s+yes/);
    expect(out.find((line) => line.startsWith('labor_share_falls'))).toMatch(
      /n\/a\s+not computed: the run lacks labor_share$/,
    );
    expect(out).toHaveLength(3 + 17); // title, header, rule, 17 targets
  });

  it('prints JSON', () => {
    const out = JSON.parse(runFixture('scorecard', 'citrini-2028', '--format', 'json').stdout) as {
      preset: string;
      scorecard: { id: string; inside: boolean | null }[];
    };
    expect(out.preset).toBe('citrini-2028');
    expect(out.scorecard.find((s) => s.id === 'recession_start')?.inside).toBe(true);
  });

  it('says which presets have targets when this one has none', () => {
    const run = runFixture('scorecard', 'baseline');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('baseline: no scorecard targets (targets exist for citrini-2028, citrini-tail)\n');
  });
});

describe('endgame vars with presets', () => {
  it('lists the model behind the baseline preset when INPUT is left out', () => {
    const run = runFixture('vars', '--format', 'json');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { model: string; vars: { name: string; role: string | null }[] };
    expect(out.model).toBe('mini-endgame');
    expect(out.vars.find((v) => v.name === 'crash_time')?.role).toBe('driver');
  });

  it('lists the model behind a preset or a model file', () => {
    expect(JSON.parse(runFixture('vars', 'citrini-2028', '--format', 'json').stdout).model).toBe('mini-endgame');
    expect(JSON.parse(runFixture('vars', FIXTURE_MODEL, '--format', 'json').stdout).model).toBe('mini-endgame');
  });
});
