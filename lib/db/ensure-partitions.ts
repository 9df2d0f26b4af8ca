import type pg from "pg";
import type { TelemetryTable } from "./telemetry-tables";

// Ingest calls this before writing, for the UTC days its rows fall on, so a timestamp outside
// the premade partitions never fails an insert. Known partitions are cached per process. Should
// retention drop a cached day, the insert fails with "no partition" (23514): withTransaction
// then forgets this cache and retries, and this creates the partition again.

const known = new Set<string>();

export async function ensurePartitions(db: Pick<pg.Pool, "query">, table: TelemetryTable, days: Iterable<string>) {
  for (const day of days) {
    const key = `${table}:${day}`;
    if (known.has(key)) continue;
    await db.query("SELECT sightline_ensure_partition($1, $2::date)", [table, day]);
    known.add(key);
  }
}

/** Forget cached partitions (after retention drops them, or in tests that recreate the schema). */
export function forgetKnownPartitions() {
  known.clear();
}
