/**
 * Numbers as people read them in a table: six significant digits, exponent
 * notation only for very large or very small magnitudes.
 */

/** Formats `value` compactly (`38.4615`, `1.2e-14`, `-3`, `NaN`). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9 || magnitude < 1e-4) return trimExponent(value.toExponential(3));
  return trimZeros(value.toPrecision(6));
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function trimExponent(text: string): string {
  const [mantissa, exponent] = text.split('e');
  return `${trimZeros(mantissa)}e${exponent}`;
}
