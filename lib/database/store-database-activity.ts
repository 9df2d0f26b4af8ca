import type pg from "pg";
import { withTransaction } from "@/lib/db/with-transaction";
import { pgJson, pgText } from "@/lib/ingest/store/pg-safe";
import type { DatabaseActivityInput } from "@/lib/schemas/database-activity";
import type { LockStoreResult } from "@/lib/schemas/locks";
import { utcDay } from "@/lib/utc-day";

// The db agent's activity samples (idle-in-transaction sessions, table statistics), one row per
// database and sample time. A sample is never updated: a re-sent one (lost answer, retry) is
// counted as already stored and changes nothing. Text goes through pg-safe like every other
// agent field (NUL and lone surrogates become U+FFFD).

export async function storeDatabaseActivity(pool: pg.Pool, samples: DatabaseActivityInput[]): Promise<LockStoreResult> {
  if (samples.length === 0) return { inserted: 0, updated: 0 };
  const days = new Set(samples.map((s) => utcDay(Date.parse(s.time))));
  return withTransaction(
    pool,
    async (client) => {
      const { rowCount } = await client.query(
        `INSERT INTO database_activity (time, database, idle_sessions, tables, trace_ids)
         SELECT u.time, u.database, u.idle_sessions, u.tables,
                ARRAY(SELECT DISTINCT decode(t, 'hex') FROM jsonb_array_elements_text(u.trace_ids) AS t)
           FROM unnest($1::timestamptz[], $2::text[], $3::jsonb[], $4::jsonb[], $5::jsonb[]) AS u(time, database, idle_sessions, tables, trace_ids)
         ON CONFLICT (database, time) DO NOTHING`,
        [
          samples.map((s) => s.time),
          samples.map((s) => pgText(s.database)),
          samples.map((s) => pgJson(s.idleSessions)),
          samples.map((s) => pgJson(s.tables)),
          samples.map((s) => JSON.stringify(s.idleSessions.flatMap((session) => (session.traceId ? [session.traceId] : [])))),
        ],
      );
      const inserted = rowCount ?? 0;
      return { inserted, updated: samples.length - inserted };
    },
    { partitions: [["database_activity", days]] },
  );
}
