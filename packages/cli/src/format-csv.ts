/**
 * CSV (RFC 4180) for `--format csv`.
 */

/** Quotes a field when it contains a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders a header and rows as CSV text with `\n` line ends and a trailing newline. */
export function formatCsv(headers: string[], rows: (string | number)[][]): string {
  const lines = [headers.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}
