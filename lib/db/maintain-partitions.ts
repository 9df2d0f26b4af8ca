import type pg from "pg";
import { partitionDay, telemetryTableNames, telemetryTables, type TelemetryTable } from "./telemetry-tables";
import { FIELD_LIMITS } from "../ingest/field-limits";
import { utcDay } from "../utc-day";

export interface RetentionDays {
  spans: number;
  metrics: number;
  logs: number;
  audit: number;
  locks: number;
  rollups: number;
}

type Queryable = Pick<pg.Pool, "query">;

/** A day partition about to be dropped: its table and its UTC day ("2026-11-25"). */
export interface DroppingPartition {
  table: TelemetryTable;
  day: string;
}

/**
 * Called with every partition a pass is about to drop, before any is dropped; a failure keeps
 * them all for the next pass. The caller's hook (lib/db knows nothing of what the rows mean):
 * `npm start` copies incidents' evidence out of those days (lib/incidents/copy-evidence-before-drop.ts).
 */
export type BeforeDrop = (db: Queryable, partitions: readonly DroppingPartition[]) => Promise<void>;

const DAY_MS = 86_400_000;


/**
 * Makes sure every telemetry table has partitions for today and `daysAhead` days after, and
 * drops every partition outside [now − the table's retention, now + days ahead]: those whose
 * whole day is older than retention, and those for days further ahead than premade partitions
 * and ingest's future skew (../ingest/field-limits.ts) reach, which only a clock or unit mistake
 * can have filled and which retention would otherwise never reach. Run at start and then
 * periodically; safe to run from several processes at once (a partition is created under
 * sightline_ensure_partition's lock and dropped IF EXISTS; a `beforeDrop` hook must itself be
 * safe to run twice over the same days, since two replicas may both call it).
 */
export async function maintainPartitions(
  db: Queryable,
  options: { retention: RetentionDays; daysAhead: number; now?: number; beforeDrop?: BeforeDrop },
) {
  const now = options.now ?? Date.now();
  const created: string[] = [];
  const dropping: (DroppingPartition & { name: string })[] = [];
  // Ingest accepts times up to maxFutureSkewMs ahead, so that day stays even when daysAhead is 0.
  const newestKept = utcDay(now + Math.max(options.daysAhead * DAY_MS, FIELD_LIMITS.maxFutureSkewMs));
  for (const table of telemetryTableNames) {
    for (let ahead = 0; ahead <= options.daysAhead; ahead++) {
      const day = utcDay(now + ahead * DAY_MS);
      const { rows } = await db.query<{ created: boolean }>("SELECT sightline_ensure_partition($1, $2::date) AS created", [table, day]);
      if (rows[0]?.created) created.push(`${table}:${day}`);
    }
    // A partition is kept while any part of its day is within retention.
    const oldestKept = utcDay(now - options.retention[telemetryTables[table].retention] * DAY_MS);
    for (const partition of await listPartitions(db, table)) {
      if (partition.day < oldestKept || partition.day > newestKept) dropping.push({ table, day: partition.day, name: partition.name });
    }
  }
  // Still a DROP TABLE of whole partitions, never a DELETE: the hook copies out what must outlive them first.
  if (dropping.length > 0 && options.beforeDrop) await options.beforeDrop(db, dropping.map(({ table, day }) => ({ table, day })));
  const dropped: string[] = [];
  for (const partition of dropping) {
    await db.query(`DROP TABLE IF EXISTS ${quoteIdent(partition.name)}`);
    dropped.push(`${partition.table}:${partition.day}`);
  }
  return { created, dropped };
}

export async function listPartitions(db: Queryable, table: TelemetryTable) {
  const { rows } = await db.query<{ name: string; rows: string; bytes: string }>(
    `SELECT c.relname AS name, greatest(c.reltuples, 0)::bigint AS rows, pg_total_relation_size(c.oid) AS bytes
       FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid
       JOIN pg_class p ON p.oid = i.inhparent
       JOIN pg_namespace n ON n.oid = p.relnamespace
      WHERE p.relname = $1 AND n.nspname = current_schema()
      ORDER BY c.relname`,
    [table],
  );
  return rows.flatMap((row) => {
    const day = partitionDay(table, row.name);
    return day ? [{ name: row.name, day, rows: Number(row.rows), bytes: Number(row.bytes) }] : [];
  });
}

// Partition names come from partitionDay's strict pattern, so this only guards the quoting.
function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
