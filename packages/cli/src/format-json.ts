/**
 * JSON for `--format json`: objects indented, arrays of plain values kept on
 * one line so a long series stays one line per name.
 */

/** Serialises `value` as JSON; non-finite numbers become `null`, as in `JSON.stringify`. */
export function formatJson(value: unknown): string {
  return `${render(value, '')}\n`;
}

/** Objects of plain values that fit in this many characters stay on one line. */
const INLINE_OBJECT_WIDTH = 100;

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function isPlainList(value: unknown): boolean {
  return (Array.isArray(value) || ArrayBuffer.isView(value)) && Array.from(value as ArrayLike<unknown>).every(isPlain);
}

function plain(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

function inline(items: unknown[]): string {
  return `[${items.map(plain).join(', ')}]`;
}

function render(value: unknown, indent: string): string {
  if (isPlain(value)) return plain(value);
  const inner = `${indent}  `;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>);
    if (items.every(isPlain)) return inline(items);
    return `[\n${items.map((item) => inner + render(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  if (entries.every(([, v]) => isPlain(v) || isPlainList(v))) {
    const flat = `{ ${entries.map(([key, v]) => `${JSON.stringify(key)}: ${render(v, '')}`).join(', ')} }`;
    if (flat.length <= INLINE_OBJECT_WIDTH) return flat;
  }
  const body = entries.map(([key, v]) => `${inner}${JSON.stringify(key)}: ${render(v, inner)}`).join(',\n');
  return `{\n${body}\n${indent}}`;
}
