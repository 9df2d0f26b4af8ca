import type pg from "pg";
import { storableText } from "@/lib/ingest/field-limits";
import { pgJson, pgText } from "@/lib/ingest/store/pg-safe";
import { utcDay } from "@/lib/utc-day";
import { withTransaction } from "@/lib/db/with-transaction";
import type { LockEventInput, LockStoreResult } from "@/lib/schemas/locks";

// Lock waits and deadlocks from the db agent. A wait is sent again while it lasts, under the
// same (id, time), so the write is an upsert that only moves forward: the stored duration never
// shrinks and the details are those of the furthest-along report (an ended wait stays ended),
// whatever order re-sent and delayed requests arrive in. Deadlocks are sent once per id and
// re-sends change nothing. NUL and lone surrogates become U+FFFD, as in OTLP ingest (pg-safe.ts).

export async function storeLockEvents(pool: pg.Pool, events: LockEventInput[]): Promise<LockStoreResult> {
  if (events.length === 0) return { inserted: 0, updated: 0 };
  const rows = latestPerKey(events);
  const days = new Set(rows.map((e) => utcDay(Date.parse(e.time))));
  return withTransaction(pool, async (client) => {
    // RETURNING cannot read xmax from a partitioned table, so "new or not" is decided by
    // looking for the keys first, in the same statement (and snapshot) as the upsert.
    const result = await client.query<{ written: number; existing: number }>(
      `WITH input AS (
         SELECT u.time, u.id, u.kind, u.database, u.duration_ms, u.details,
                ARRAY(SELECT decode(t, 'hex') FROM jsonb_array_elements_text(u.trace_ids) AS t) AS trace_ids
           FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::jsonb[], $7::jsonb[])
             AS u(time, id, kind, database, duration_ms, details, trace_ids)
       ),
       existing AS (SELECT 1 FROM lock_events e JOIN input i ON e.id = i.id AND e.time = i.time),
       written AS (
         INSERT INTO lock_events AS e (time, id, kind, database, duration_ms, details, trace_ids)
         SELECT time, id, kind, database, duration_ms, details, trace_ids FROM input
         ON CONFLICT (id, time) DO UPDATE SET
           duration_ms = greatest(e.duration_ms, EXCLUDED.duration_ms),
           details = CASE
             WHEN (coalesce(EXCLUDED.duration_ms, 0), coalesce((EXCLUDED.details->>'ended')::boolean, false))
               >= (coalesce(e.duration_ms, 0), coalesce((e.details->>'ended')::boolean, false))
             THEN EXCLUDED.details ELSE e.details END,
           trace_ids = ARRAY(SELECT DISTINCT t FROM unnest(e.trace_ids || EXCLUDED.trace_ids) AS t ORDER BY t)
         RETURNING 1
       )
       SELECT (SELECT count(*)::int FROM written) AS written, (SELECT count(*)::int FROM existing) AS existing`,
      [
        rows.map((e) => e.time),
        rows.map((e) => pgText(e.id)),
        rows.map((e) => e.kind),
        rows.map((e) => pgText(e.database)),
        rows.map((e) => (e.kind === "wait" ? e.durationMs : null)),
        rows.map((e) => pgJson(details(e))),
        rows.map((e) => JSON.stringify(traceIds(e))),
      ],
    );
    const inserted = (result.rows[0]?.written ?? 0) - (result.rows[0]?.existing ?? 0);
    return { inserted, updated: events.length - inserted };
  }, { partitions: [["lock_events", days]] });
}

/** One row per (id, time): ON CONFLICT DO UPDATE cannot touch a row twice in one statement. */
function latestPerKey(events: LockEventInput[]): LockEventInput[] {
  const byKey = new Map<string, LockEventInput>();
  for (const event of events) {
    // The id as the table will hold it: ids that differ only in NUL or a lone surrogate are one row.
    const key = `${storableText(event.id)}\0${Date.parse(event.time)}`;
    const seen = byKey.get(key);
    if (!seen || progress(event) >= progress(seen)) byKey.set(key, event);
  }
  return [...byKey.values()];
}

function progress(event: LockEventInput): number {
  return event.kind === "wait" ? event.durationMs * 2 + (event.ended ? 1 : 0) : 0;
}

/** What lock_events.details holds: the event without the columns it is stored in. */
function details(event: LockEventInput): Record<string, unknown> {
  const { id: _id, kind: _kind, database: _database, time: _time, ...rest } = event;
  if (rest && "durationMs" in rest) {
    const { durationMs: _duration, ...withoutDuration } = rest;
    return withoutDuration;
  }
  return rest;
}

function traceIds(event: LockEventInput): string[] {
  const processes = event.kind === "wait" ? [event.waiter, ...event.blockers] : event.processes;
  return [...new Set(processes.flatMap((p) => (p.traceId ? [p.traceId] : [])))];
}
