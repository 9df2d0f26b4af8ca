import type pg from "pg";
import { withTransaction } from "@/lib/db/with-transaction";
import { copyRows } from "./copy-rows";
import type { PreparedTraces } from "./prepare-traces";
import { SPAN_EVENT_COPY_COLUMNS } from "./prepare-traces";
import { SPAN_COPY_COLUMNS } from "./span-copy-rows";
import { rememberResources, upsertResourceRows } from "./upsert-resources";
import { upsertRollupRows } from "./upsert-span-rollups";

// Writes traces prepared ahead (prepare-traces.ts, in an ingest worker) in one transaction:
// resources, then spans and their events each with one COPY of ready text, then the rollups —
// the same rows, in the same order, as storeTraces. This path knows every span is new: when a
// COPY meets a key already stored (a retried request, or a span repeated within one) it rolls
// back and returns "duplicates", and the caller stores the request with storeTraces, which skips
// stored spans one by one and counts only the new ones in events and rollups.

export type PreparedStoreResult = { inserted: number } | "duplicates";

export async function storePreparedTraces(pool: pg.Pool, prepared: PreparedTraces): Promise<PreparedStoreResult> {
  if (prepared.spanCount === 0) return { inserted: 0 };
  const days = new Set(prepared.days);
  try {
    await withTransaction(
      pool,
      async (client) => {
        await upsertResourceRows(client, prepared.resources);
        await copyRows(client, `COPY spans (${SPAN_COPY_COLUMNS}) FROM STDIN`, prepared.spanRows);
        if (prepared.eventRows.byteLength) await copyRows(client, `COPY span_events (${SPAN_EVENT_COPY_COLUMNS}) FROM STDIN`, prepared.eventRows);
        // Minutes first, then hours, each sorted by key: every writer takes the row locks in the same order.
        if (prepared.minuteRollups.length) await upsertRollupRows(client, "span_rollups_1m", "minute", prepared.minuteRollups);
        if (prepared.hourRollups.length) await upsertRollupRows(client, "span_rollups_1h", "hour", prepared.hourRollups);
      },
      { partitions: [["spans", days], ["span_events", days], ["span_rollups_1m", days], ["span_rollups_1h", days]] },
    );
  } catch (error) {
    if ((error as { code?: string }).code === "23505") return "duplicates";
    throw error;
  }
  rememberResources(prepared.resources.map((r) => r.id));
  return { inserted: prepared.spanCount };
}
