const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte", "petabyte"] as const;

/** "8 kB", "1.5 GB" (powers of 1024, as PostgreSQL's pg_size_pretty), in the reader's locale. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Intl spells the smallest unit out ("0 byte"); "B" reads like the other short units.
  if (unit === 0) return `${new Intl.NumberFormat(locale).format(Math.round(value))} B`;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: UNITS[unit],
    unitDisplay: "short",
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
