import type pg from "pg";
import type { TelemetryTable } from "./telemetry-tables";

// Ingest calls this before writing, for the UTC days its rows fall on, so a timestamp outside
// the premade partitions never fails an insert. Known partitions are cached per process; the
// cache only ever grows by days that exist, and retention drops make a day disappear only once
// it is older than anything ingest accepts, so a stale "exists" entry is harmless in practice —
// and if it ever is not, the insert fails, the batch is refused whole, and the retry re-checks.

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
