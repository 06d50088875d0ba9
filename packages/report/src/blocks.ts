/**
 * The report as a list of blocks (headings, paragraphs, tables, images, code,
 * lists), rendered to Markdown and to HTML from the same content. Inline text
 * may hold `code spans` in backticks; nothing else is markup.
 */

/** One block of a report. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][]; align?: ('left' | 'right')[] }
  | { kind: 'image'; file: string; alt: string }
  | { kind: 'code'; language: string; text: string };

/** A heading block. */
export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });

/** A paragraph block. */
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

/** `text` as an inline code span (backticks inside are replaced, since spans cannot nest). */
export function code(text: string): string {
  return `\`${text.replaceAll('`', "'")}\``;
}
