import type pg from "pg";

// Exact row counts for small partitions. The overview's per-day counts come from the planner's
// reltuples, which stays 0 (or -1) until autovacuum first analyses a partition: a table holding
// a few dozen lock events read "0". Partitions the planner thinks small are counted exactly,
// each scan capped at EXACT_LIMIT + 1 rows, so the cost stays bounded whatever the estimate says.

export const EXACT_LIMIT = 10_000;

/** Exact counts of the named partitions, or null for one that holds more than EXACT_LIMIT rows. */
export async function countPartitionRows(db: Pick<pg.Pool, "query">, names: string[]): Promise<Map<string, number | null>> {
  const counts = new Map<string, number | null>();
  if (names.length === 0) return counts;
  // Names come from pg_class (the partitions' catalog entries), never from a request; they are
  // quoted as identifiers all the same, and returned through a parameter.
  const parts = names.map(
    (name, index) => `SELECT $${index + 2}::text AS name, (SELECT count(*) FROM (SELECT 1 FROM ${quoteIdent(name)} LIMIT $1) s)::int AS rows`,
  );
  const { rows } = await db.query<{ name: string; rows: number }>(parts.join(" UNION ALL "), [EXACT_LIMIT + 1, ...names]);
  for (const row of rows) counts.set(row.name, row.rows > EXACT_LIMIT ? null : row.rows);
  return counts;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
