import type { AlertCondition, AlertSource } from "../schemas";
import { evaluateMetric } from "./evaluate-metric";
import { windowBounds, type Db, type SourceValue } from "./source-value";

// A monitored database's condition, from what the db agent sends:
//   lock-waits / deadlocks: lock_events of that kind in the window ((kind, time) index), a
//     counter deadlock event counting as the deadlocks it stands for;
//   idle-in-transaction-seconds: the oldest idle-in-transaction session in each database's
//     newest activity sample of the window (0 when the sample has none; no sample: no data);
//   connections-percent-of-max: the agent's postgresql.connection.utilization gauge (the whole
//     server's connections / max_connections), its highest point in the window × 100. That
//     gauge is per server, so `database` does not narrow it.

type DatabaseSource = Extract<AlertSource, { kind: "database" }>;

export async function evaluateDatabase(db: Db, source: DatabaseSource, condition: AlertCondition, nowMs: number): Promise<SourceValue> {
  const { from, to } = windowBounds(nowMs, source.windowSeconds);
  const where = source.database ? ` of ${source.database}` : "";
  switch (source.measure) {
    case "lock-waits":
    case "deadlocks": {
      // A deadlock event from the counter stands for `count` deadlocks (details.count; 1 from the log).
      const { rows } = await db.query<{ n: number }>(
        `SELECT coalesce(sum(CASE WHEN kind = 'deadlock' AND jsonb_typeof(details->'count') = 'number' THEN (details->>'count')::numeric ELSE 1 END), 0)::float8 AS n
           FROM lock_events WHERE kind = $1 AND time > $2 AND time <= $3 AND ($4::text IS NULL OR database = $4)`,
        [source.measure === "deadlocks" ? "deadlock" : "wait", from, to, source.database ?? null],
      );
      return { value: rows[0]!.n, subject: `${source.measure === "deadlocks" ? "deadlocks" : "lock waits"}${where}` };
    }
    case "idle-in-transaction-seconds": {
      const { rows } = await db.query<{ seconds: number | null }>(
        `SELECT max(newest.idle_ms) / 1000 AS seconds
           FROM (SELECT DISTINCT ON (a.database) a.database,
                        coalesce((SELECT max((s->>'idleMs')::float8) FROM jsonb_array_elements(a.idle_sessions) s), 0) AS idle_ms
                   FROM database_activity a
                  WHERE a.time > $1 AND a.time <= $2 AND ($3::text IS NULL OR a.database = $3)
                  ORDER BY a.database, a.time DESC) newest`,
        [from, to, source.database ?? null],
      );
      return { value: rows[0]?.seconds ?? null, subject: `the oldest idle-in-transaction session${where} (seconds)` };
    }
    case "connections-percent-of-max": {
      const metric = await evaluateMetric(
        db,
        { kind: "metric", name: "postgresql.connection.utilization", filter: [], groupBy: [], reducer: "max", windowSeconds: source.windowSeconds },
        condition,
        nowMs,
      );
      return { ...metric, value: metric.value === null ? null : metric.value * 100, subject: "connections as % of max_connections" };
    }
  }
}
