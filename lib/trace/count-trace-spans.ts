import type pg from "pg";

// How many spans of a trace are stored, counted no further than `limit + 1`: enough to tell
// whether a trace is small, while a 100,000-span trace costs no more to ask about than a small
// one (at most limit + 1 entries of the trace-id index are read).

type Queryable = Pick<pg.Pool, "query">;

const SQL = `SELECT count(*)::int AS spans FROM (SELECT 1 FROM spans WHERE trace_id = $1 LIMIT $2) AS s`;

/** The trace's span count when it is at most `limit`; otherwise `limit + 1`. */
export async function countTraceSpansUpTo(db: Queryable, traceId: string, limit: number): Promise<number> {
  const { rows } = await db.query<{ spans: number }>(SQL, [Buffer.from(traceId, "hex"), limit + 1]);
  return rows[0]?.spans ?? 0;
}
