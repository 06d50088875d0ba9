/**
 * Content hashes of inputs: a stable JSON text (object keys sorted, so the
 * same inputs always give the same text) and its SHA-256. Run ids, job ids
 * and model hashes are all content hashes, so recording the same inputs twice
 * updates one row instead of adding another.
 */
import { createHash } from 'node:crypto';

/** JSON text of `value` with object keys sorted at every level (arrays keep their order). */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

/** Hex SHA-256 of a string. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Hex SHA-256 of {@link stableJson}(`value`): equal for equal inputs, whatever their key order. */
export function contentHash(value: unknown): string {
  return sha256(stableJson(value));
}
