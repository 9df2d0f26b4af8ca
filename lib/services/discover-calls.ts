import type pg from "pg";

// Which service or external system each CLIENT operation calls, read from the spans of the
// last DISCOVERY_MS of a window. A CLIENT span's callee is the service of its child span (the
// called service sent telemetry), or else the `peer.service` it names, or its `server.address`
// (not for database calls: those have the database panel). Only the mapping comes from spans;
// the calls' numbers are summed from the rollups of the caller's CLIENT operation over the
// whole window, so a week costs what an hour does. An operation that called two targets is
// attributed to the one it called most. At most DISCOVERY_SPANS of the newest CLIENT spans are
// looked at, so a busy system's discovery costs the same as a quiet one's; an operation called
// less than once in that many calls may be left without a target.

type Queryable = Pick<pg.Pool, "query">;

export const DISCOVERY_MS = 30 * 60_000;
const CHILD_LOOKAHEAD = "5 minutes";
const DISCOVERY_SPANS = 5_000;

export interface CallRow {
  caller: string;
  operation: string;
  callee: string | null;
  peer: string | null;
  calls: number;
}

export async function readCallRows(db: Queryable, window: { fromMs: number; toMs: number }): Promise<{ rows: CallRow[]; fromMs: number }> {
  const fromMs = Math.max(window.fromMs, window.toMs - DISCOVERY_MS);
  const { rows } = await db.query<CallRow>(
    `WITH c AS (
       SELECT trace_id, span_id, start_time, service_name, name, attributes FROM spans
        WHERE start_time >= $1::timestamptz AND start_time < $2::timestamptz AND kind = 3
        ORDER BY start_time DESC
        LIMIT ${DISCOVERY_SPANS}
     )
     SELECT c.service_name AS caller, c.name AS operation, k.service_name AS callee,
            coalesce(nullif(c.attributes ->> 'peer.service', ''),
                     CASE WHEN c.attributes ? 'db.system' OR c.attributes ? 'db.system.name' THEN NULL ELSE nullif(c.attributes ->> 'server.address', '') END) AS peer,
            count(*)::int AS calls
       FROM c
       LEFT JOIN LATERAL (
         SELECT k.service_name FROM spans k
          WHERE k.trace_id = c.trace_id AND k.parent_span_id = c.span_id
            AND k.start_time >= c.start_time - interval '1 minute' AND k.start_time < $2::timestamptz + interval '${CHILD_LOOKAHEAD}'
          LIMIT 1
       ) k ON true
      GROUP BY 1, 2, 3, 4`,
    [new Date(fromMs).toISOString(), new Date(window.toMs).toISOString()],
  );
  return { rows, fromMs };
}

export interface CallTarget {
  caller: string;
  operation: string;
  target: string;
  type: "service" | "peer";
}

/** One target per (caller, CLIENT operation): the most called one. `services` are the names that send telemetry. */
export function mapCallTargets(rows: readonly CallRow[], services: ReadonlySet<string>): CallTarget[] {
  const best = new Map<string, { target: CallTarget; calls: number }>();
  for (const row of rows) {
    const target = row.callee !== null && row.callee !== row.caller ? row.callee : row.peer;
    if (target === null || target === row.caller) continue;
    const key = `${row.caller}\u0000${row.operation}`;
    const seen = best.get(key);
    // A callee seen as a child span beats a peer name for the same operation.
    if (seen && seen.calls >= row.calls && !(seen.target.type === "peer" && row.callee !== null)) continue;
    best.set(key, { target: { caller: row.caller, operation: row.operation, target, type: services.has(target) ? "service" : "peer" }, calls: row.calls });
  }
  return [...best.values()].map((entry) => entry.target);
}
