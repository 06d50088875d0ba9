import { describe, expect, it } from 'vitest';
import { axisValues, gridSamples, outcomeMap, outcomeMapCsv } from '../src/grid.js';
import { colourAt, heatmapSvg, tickLabel } from '../src/heatmap-svg.js';
import { checkWellFormed } from './xml-well-formed.js';

const plane = (samples: Float64Array, dims: number) =>
  Float64Array.from({ length: samples.length / dims }, (_, r) => samples[r * dims] + 10 * samples[r * dims + 1]);

describe('axisValues and gridSamples', () => {
  it('spaces n values evenly from lo to hi, the midpoint for n = 1', () => {
    expect(axisValues({ name: 'a', lo: 0, hi: 1, n: 5 })).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(axisValues({ name: 'a', lo: 2, hi: 4, n: 1 })).toEqual([3]);
  });

  it('lists the points y-major as [x, y] rows', () => {
    const samples = gridSamples({ name: 'a', lo: 0, hi: 1, n: 2 }, { name: 'b', lo: 5, hi: 6, n: 2 });
    expect(Array.from(samples)).toEqual([0, 5, 1, 5, 0, 6, 1, 6]);
  });
});

describe('outcomeMap', () => {
  it('puts f(x_ix, y_iy) in z[iy][ix]', async () => {
    const map = await outcomeMap({ name: 'a', lo: 0, hi: 2, n: 3 }, { name: 'b', lo: -1, hi: 1, n: 2 }, 'y:max', plane);
    expect(map.x.values).toEqual([0, 1, 2]);
    expect(map.y.values).toEqual([-1, 1]);
    expect(map.z).toEqual([
      [-10, -9, -8],
      [10, 11, 12],
    ]);
    expect(outcomeMapCsv(map).split('\n').slice(0, 3)).toEqual(['b,a,y:max', '-1,0,-10', '-1,1,-9']);
  });

  it('rejects an impossible range, n < 1 and the same param twice, in one line', async () => {
    const ok = { name: 'b', lo: 0, hi: 1, n: 2 };
    await expect(outcomeMap({ name: 'a', lo: 1, hi: 1, n: 2 }, ok, 'm', plane)).rejects.toThrow(
      /^--x a: impossible range 1\.\.1; give lo < hi$/,
    );
    await expect(outcomeMap(ok, { name: 'a', lo: 0, hi: 1, n: 0 }, 'm', plane)).rejects.toThrow(
      /^--y a: the number of points must be a whole number ≥ 1, got 0$/,
    );
    await expect(outcomeMap(ok, ok, 'm', plane)).rejects.toThrow(/both vary 'b'/);
  });
});

describe('heatmapSvg', () => {
  it('is well-formed XML with a title naming the metric, axis labels, ticks and a legend', async () => {
    const map = await outcomeMap(
      { name: 'diffusion_time', lo: 12, hi: 60, n: 12 },
      { name: 'new_task_creation', lo: 0, hi: 1, n: 9 },
      'unemployment_rate:max',
      plane,
    );
    const svg = heatmapSvg(map);
    const { problems, root } = checkWellFormed(svg);
    expect(problems).toEqual([]);
    expect(root).toBe('svg');
    expect(svg).toContain('<title>unemployment_rate:max by new_task_creation and diffusion_time</title>');
    expect(svg).toContain('>diffusion_time</text>');
    expect(svg).toContain('>new_task_creation</text>');
    expect(svg).toContain('linearGradient');
    // One cell per grid point, each with a tooltip.
    expect(
      svg.match(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="#[0-9a-f]{6}"><title>/g),
    ).toHaveLength(12 * 9);
    // Legend ends at the map's min and max.
    expect(svg).toContain(`>${tickLabel(12)}</text>`);
    expect(svg).toContain(`>${tickLabel(60 + 10)}</text>`);
  });

  it('escapes markup in names and draws failed cells grey', () => {
    const svg = heatmapSvg({
      x: { name: 'a<b', values: [0, 1] },
      y: { name: 'c&d', values: [0] },
      metric: 'm"x',
      z: [[1, Number.NaN]],
    });
    expect(checkWellFormed(svg).problems).toEqual([]);
    expect(svg).toContain('a&lt;b');
    expect(svg).toContain('fill="#cccccc"');
  });

  it('colours from dark purple (low) to yellow (high)', () => {
    expect(colourAt(0)).toBe('#440154');
    expect(colourAt(1)).toBe('#fde725');
    expect(colourAt(2)).toBe('#fde725');
  });
});

describe('checkWellFormed (the test helper itself)', () => {
  it('finds unbalanced tags, raw ampersands and bad attributes', () => {
    expect(checkWellFormed('<a><b></a>').problems.length).toBeGreaterThan(0);
    expect(checkWellFormed('<a>x & y</a>').problems).toContain("raw '&' in text");
    expect(checkWellFormed('<a x=1/>').problems.length).toBeGreaterThan(0);
    expect(checkWellFormed('<a x="1" x="2"/>').problems.length).toBeGreaterThan(0);
    expect(checkWellFormed('<?xml version="1.0"?>\n<a x="1"><b/>t &amp; u</a>\n').problems).toEqual([]);
  });
});
