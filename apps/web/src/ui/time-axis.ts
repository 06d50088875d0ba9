/** `"YYYY-MM"` months as uPlot's x values (Unix seconds at the month's first day, UTC). */
export function monthSeconds(months: readonly string[]): number[] {
  return months.map((m) => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1) / 1000);
}
