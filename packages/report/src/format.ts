/**
 * How numbers appear in reports. Each formatter states its rounding, so a
 * test can check every number in the text against the run's JSON.
 */

/** A fraction as a percentage with 2 decimals (`0.23012` → `23.01 %`); `digits` changes the decimals. */
export function percent(value: number, digits = 2): string {
  return `${(value * 100).toFixed(digits)} %`;
}

/** The size of a fall given as a negative fraction, as a percentage (`-0.7207` → `72.07 %`). */
export function fall(value: number, digits = 2): string {
  return percent(Math.abs(value), digits);
}

/** A whole number with thousands separators (`-1234.6` → `-1,235`). */
export function whole(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A number to 4 significant digits, without exponent for everyday sizes (`0.0044829` → `0.004483`). */
export function significant(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return '';
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-4 && abs < 1e9) return String(Number(value.toPrecision(digits)));
  return value.toExponential(digits - 1);
}
