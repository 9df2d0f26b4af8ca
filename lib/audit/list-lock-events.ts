import type pg from "pg";
import { lockEventSchema, type LockEvent, type LockEventsQuery, type LockEventsResponse } from "@/lib/schemas/locks";

// GET /api/v1/locks: lock waits and deadlock cycles, newest first. The stored details are the
// agent's event minus the indexed columns; they are put back together and checked against the
// response schema, so what the API answers always matches its contract.

interface Row {
  id: string;
  kind: LockEvent["kind"];
  database: string;
  time: string;
  duration_ms: number | null;
  details: Record<string, unknown>;
  trace_ids: string[];
}

export async function listLockEvents(db: Pick<pg.Pool, "query">, query: LockEventsQuery): Promise<LockEventsResponse> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (query.kind) where.push(`kind = ${param(query.kind)}`);
  if (query.database) where.push(`database = ${param(query.database)}`);
  if (query.traceId) where.push(`trace_ids @> ARRAY[decode(${param(query.traceId)}, 'hex')]`);
  if (query.from !== undefined) where.push(`time >= to_timestamp(${param(query.from)}::float8 / 1000)`);
  if (query.to !== undefined) where.push(`time < to_timestamp(${param(query.to)}::float8 / 1000)`);

  const { rows } = await db.query<Row>(
    `SELECT id, kind, database, to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS time, duration_ms, details,
            ARRAY(SELECT encode(t, 'hex') FROM unnest(trace_ids) AS t) AS trace_ids
       FROM lock_events
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY time DESC, id DESC
      LIMIT ${param(query.limit)}`,
    params,
  );
  const events: LockEvent[] = [];
  for (const row of rows) {
    const parsed = lockEventSchema.safeParse({
      ...row.details,
      id: row.id,
      kind: row.kind,
      database: row.database,
      time: row.time,
      ...(row.kind === "wait" ? { durationMs: row.duration_ms ?? 0 } : {}),
      traceIds: row.trace_ids,
    });
    // One malformed row must not take the whole list down; it is named in the server log.
    if (parsed.success) events.push(parsed.data);
    else console.error(`[sightline] lock event ${row.id} does not match the response schema and is left out:`, parsed.error.message);
  }
  return { events };
}
