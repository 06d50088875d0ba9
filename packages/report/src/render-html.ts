/**
 * Renders report {@link Block}s as one self-contained HTML page: the SVG
 * charts are inlined, the CSS is a few lines that follow the reader's light
 * or dark colour scheme, and nothing is loaded from anywhere.
 */
import type { Block } from './blocks.js';

/** `text` with `& < > "` escaped for HTML text and attributes. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Inline text: escaped, with `code spans` as <code>. */
function inline(text: string): string {
  return escapeHtml(text).replace(/`([^`]*)`/g, (_, body: string) => `<code>${body}</code>`);
}

const CSS = `:root { color-scheme: light dark; --fg: #1b1b1f; --bg: #ffffff; --muted: #6b6b76; --rule: #d8d8de; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6ea; --bg: #18181b; --muted: #a0a0aa; --rule: #3a3a42; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.25rem 0.6rem; vertical-align: top; }
th { text-align: left; }
td.right, th.right { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.9em; }
pre { overflow-x: auto; padding: 0.75rem; border: 1px solid var(--rule); border-radius: 4px; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; border-radius: 4px; }
figcaption { color: var(--muted); font-size: 0.85rem; }
.meta { color: var(--muted); font-size: 0.85rem; }`;

function table(block: Extract<Block, { kind: 'table' }>): string {
  const align = block.align ?? [];
  const cls = (i: number) => (align[i] === 'right' ? ' class="right"' : '');
  const head = block.headers.map((h, i) => `<th${cls(i)}>${inline(h)}</th>`).join('');
  const body = block.rows
    .map((row) => `<tr>${row.map((c, i) => `<td${cls(i)}>${inline(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function one(block: Block, files: Readonly<Record<string, string>>): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${inline(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inline(block.text)}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${inline(item)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return table(block);
    case 'image': {
      const svg = files[block.file];
      const body = svg ?? `<p>(missing chart ${escapeHtml(block.file)})</p>`;
      return `<figure>\n${body}\n<figcaption>${inline(block.alt)}</figcaption>\n</figure>`;
    }
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
  }
}

/**
 * The blocks as a complete HTML page titled `title`, with `meta` (the front
 * matter's fields) as a line under the title and every image block's SVG
 * from `files` inlined.
 */
export function renderHtml(
  title: string,
  meta: readonly [string, string][],
  blocks: readonly Block[],
  files: Readonly<Record<string, string>>,
): string {
  const metaLine = meta.map(([key, value]) => `${escapeHtml(key)}: ${escapeHtml(value)}`).join(' · ');
  const [first, ...rest] = blocks;
  const body = [one(first, files), `<p class="meta">${metaLine}</p>`, ...rest.map((b) => one(b, files))];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${CSS}
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
