/**
 * Plain-text tables with aligned columns, for `--format table`.
 */

/** Alignment of one column. */
export type Align = 'left' | 'right';

/** A table to print: a header row, body rows and per-column alignment. */
export interface TableSpec {
  headers: string[];
  rows: (readonly string[])[];
  /** Default: every column left-aligned. */
  align?: Align[];
  /** Per column, the longest cell shown; longer cells are cut and end with `…`. */
  maxWidth?: (number | undefined)[];
}

/** Cuts `text` to `max` characters, the last one `…`. */
export function clip(text: string, max: number | undefined): string {
  return max !== undefined && text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

/** A row that is printed as a single line across the table (e.g. `…`). */
export const ELLIPSIS_ROW: readonly string[] = Object.freeze(['…']);

/**
 * Renders `spec` as lines separated by `\n` (with a trailing newline): the
 * header, a rule of dashes, then the rows; columns are separated by two
 * spaces and padded to their widest cell. A row that is {@link ELLIPSIS_ROW}
 * is printed as is.
 */
export function formatTable(spec: TableSpec): string {
  const { headers } = spec;
  const rows = spec.maxWidth
    ? spec.rows.map((row) => (row === ELLIPSIS_ROW ? row : row.map((cell, col) => clip(cell, spec.maxWidth?.[col]))))
    : spec.rows;
  const align = spec.align ?? headers.map((): Align => 'left');
  const widths = headers.map((header, col) =>
    Math.max(header.length, ...rows.map((row) => (row === ELLIPSIS_ROW ? 0 : (row[col] ?? '').length))),
  );
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, col) => (align[col] === 'right' ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
      .join('  ')
      .trimEnd();
  const lines = [render(headers), render(widths.map((width) => '-'.repeat(width)))];
  for (const row of rows) lines.push(row === ELLIPSIS_ROW ? row[0] : render(headers.map((_, col) => row[col] ?? '')));
  return `${lines.join('\n')}\n`;
}
