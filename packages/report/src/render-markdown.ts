/** Renders report {@link Block}s as CommonMark/GFM (pipe tables), as notes vaults (Obsidian) read it. */
import type { Block } from './blocks.js';

/** A table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(block: Extract<Block, { kind: 'table' }>): string {
  const align = block.align ?? block.headers.map(() => 'left' as const);
  const lines = [
    `| ${block.headers.map(cell).join(' | ')} |`,
    `| ${align.map((a) => (a === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...block.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

function one(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'table':
      return table(block);
    case 'image':
      return `![${block.alt.replaceAll(']', ')')}](${encodeURI(block.file)})`;
    case 'code':
      return `\`\`\`${block.language}\n${block.text}\n\`\`\``;
  }
}

/** The blocks as Markdown, separated by blank lines, ending with a newline. */
export function renderMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(one).join('\n\n')}\n`;
}
