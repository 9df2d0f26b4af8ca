import type pg from "pg";
import { withTransaction } from "@/lib/db/with-transaction";
import { copyRows } from "./copy-rows";
import { LOG_RECORD_COPY_COLUMNS, type PreparedLogs } from "./prepare-logs";
import { rememberResources, upsertResourceRows } from "./upsert-resources";

// Writes logs prepared ahead (prepare-logs.ts, in an ingest worker) in one transaction:
// resources, then the records with one COPY of ready text — the rows storeLogs writes. Like
// store-prepared-traces.ts this path knows every record is new: when the COPY meets a key already
// stored (a retried request, or a record repeated within one) it rolls back and returns
// "duplicates", and the caller stores the request with storeLogs, whose INSERT … ON CONFLICT DO
// NOTHING skips them.

export async function storePreparedLogs(pool: pg.Pool, prepared: PreparedLogs): Promise<{ inserted: number } | "duplicates"> {
  if (prepared.logCount === 0) return { inserted: 0 };
  try {
    await withTransaction(
      pool,
      async (client) => {
        await upsertResourceRows(client, prepared.resources);
        await copyRows(client, `COPY log_records (${LOG_RECORD_COPY_COLUMNS}) FROM STDIN`, prepared.logRows);
      },
      { partitions: [["log_records", new Set(prepared.days)]] },
    );
  } catch (error) {
    if ((error as { code?: string }).code === "23505") return "duplicates";
    throw error;
  }
  rememberResources(prepared.resources.map((r) => r.id));
  return { inserted: prepared.logCount };
}
