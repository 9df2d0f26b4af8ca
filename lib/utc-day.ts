/** The UTC day (YYYY-MM-DD) of a Unix-millisecond instant; telemetry partitions are cut on UTC days. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
