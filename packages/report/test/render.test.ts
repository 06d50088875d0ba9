import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Block } from '../src/blocks.js';
import { modelFingerprint, renderFrontMatter, tag } from '../src/front-matter.js';
import { escapeHtml, renderHtml } from '../src/render-html.js';
import { renderMarkdown } from '../src/render-markdown.js';
import { reproduceCommand, shellQuote } from '../src/reproduce.js';

/** Splits a Markdown table row on its unescaped pipes. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.replaceAll('\\|', '|'));
}

describe('renderMarkdown', () => {
  it('writes headings, paragraphs, lists, images and fenced code', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 2, text: 'Charts' },
      { kind: 'paragraph', text: 'Some `code`.' },
      { kind: 'list', items: ['a', 'b'] },
      { kind: 'image', file: 'my chart.svg', alt: 'Unemployment: %' },
      { kind: 'code', language: 'sh', text: 'npx endgame report baseline --out out/' },
    ];
    expect(renderMarkdown(blocks)).toBe(
      '## Charts\n\nSome `code`.\n\n- a\n- b\n\n![Unemployment: %](my%20chart.svg)\n\n```sh\nnpx endgame report baseline --out out/\n```\n',
    );
  });

  it('keeps every table cell in its column whatever it holds (pipes escaped, line breaks flattened)', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/\\/g, '/'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
        const text = renderMarkdown([{ kind: 'table', headers: ['a', 'b', 'c'], rows }]);
        const lines = text.trimEnd().split('\n');
        expect(lines).toHaveLength(rows.length + 2);
        lines.slice(2).forEach((line, i) => {
          expect(cells(line)).toEqual(rows[i].map((c) => c.replace(/\s*\n\s*/g, ' ')));
        });
      }),
    );
  });
});

describe('renderFrontMatter', () => {
  it('reads back as the same YAML values whatever the strings hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 4 }), fc.integer(), (text, list, n) => {
        const yaml = renderFrontMatter([
          ['title', text],
          ['tags', list],
          ['runs', n],
        ]);
        expect(yaml.startsWith('---\n') && yaml.endsWith('\n---\n')).toBe(true);
        expect(parse(yaml.slice(4, -4))).toEqual({ title: text, tags: list, runs: n });
      }),
    );
  });

  it('makes tags notes vaults accept', () => {
    expect(tag('citrini-2028')).toBe('citrini-2028');
    expect(tag('My Scenario.yaml')).toBe('my-scenario-yaml');
    expect(tag('!!!')).toBe('untitled');
  });

  it('fingerprints the model source with FNV-1a (32-bit)', () => {
    // FNV-1a test vectors (Fowler–Noll–Vo reference): "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968.
    expect(modelFingerprint('')).toBe('811c9dc5');
    expect(modelFingerprint('a')).toBe('e40c292c');
    expect(modelFingerprint('foobar')).toBe('bf9cf968');
  });
});

describe('renderHtml', () => {
  it('escapes text, turns code spans into <code> and inlines the chart', () => {
    const html = renderHtml(
      'a <b>',
      [['scenario', 'x & y']],
      [
        { kind: 'heading', level: 1, text: 'a <b>' },
        { kind: 'paragraph', text: 'use `x < 1` & more' },
        { kind: 'image', file: 'c.svg', alt: 'Chart' },
      ],
      { 'c.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>' },
    );
    expect(html).toContain('<title>a &lt;b&gt;</title>');
    expect(html).toContain('<p>use <code>x &lt; 1</code> &amp; more</p>');
    expect(html).toContain('<p class="meta">scenario: x &amp; y</p>');
    expect(html).toContain('<figure>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n<figcaption>Chart</figcaption>');
    expect(escapeHtml('"&')).toBe('&quot;&amp;');
  });
});

describe('reproduceCommand', () => {
  it('writes the flags in a fixed order', () => {
    expect(
      reproduceCommand({
        input: 'policy-response',
        compare: 'citrini-2028',
        set: { ubi_amount: 12 },
        mc: { runs: 500, seed: 1 },
        html: true,
        out: 'notes/endgame/',
      }),
    ).toBe(
      'npx endgame report policy-response --compare citrini-2028 --set ubi_amount=12 --mc 500 --seed 1 --html --out notes/endgame/',
    );
  });

  it('quotes what a shell would split or expand', () => {
    expect(shellQuote('my scenario.yaml')).toBe("'my scenario.yaml'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$HOME')).toBe("'$HOME'");
    expect(shellQuote('out/')).toBe('out/');
  });
});
