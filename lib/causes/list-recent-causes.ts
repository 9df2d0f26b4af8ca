import type pg from "pg";
import { listLockEvents } from "@/lib/audit/list-lock-events";
import { bareSide } from "./describe-trace-locks";
import { describeRequests } from "./describe-requests";
import { explainPoolWait } from "./explain-pool-wait";
import { findPoolWaits } from "./find-pool-waits";
import { MIN_POOL_WAIT_MS } from "./get-pool-waits";
import type { LockSide, PoolWait, RecentCause, RecentCausesResponse } from "./schemas";

// GET /api/v1/causes/recent: for the overview, the causes of a window that point from a victim
// to a culprit: pools requests waited for (with the operation that held them most), lock waits
// and deadlocks (with both requests), and entry endpoints with timeouts (whose report names the
// slow callee). Each item names the victim's trace, whose page explains it in full.

const POOLS_SHOWN = 5;
const LOCKS_SHOWN = 10;
const TIMEOUT_ENDPOINTS_SHOWN = 5;
/** A lock wait shorter than this is ordinary contention, not a cause worth a line. */
const MIN_LOCK_WAIT_MS = 200;

interface TimeoutRow {
  service_name: string;
  name: string;
  timed_out: number;
  last_ms: number;
  trace_id: string;
}

export async function listRecentCauses(db: Pick<pg.Pool, "query">, input: { fromMs: number; toMs: number }): Promise<RecentCausesResponse> {
  const [pools, locks, timeouts] = await Promise.all([poolCauses(db, input), lockCauses(db, input), timeoutCauses(db, input)]);
  return { causes: [...pools, ...locks, ...timeouts].sort((a, b) => b.time - a.time) };
}

async function poolCauses(db: Pick<pg.Pool, "query">, input: { fromMs: number; toMs: number }): Promise<RecentCause[]> {
  const { waits } = await findPoolWaits(db, { ...input, minWaitMs: MIN_POOL_WAIT_MS, limit: 500 });
  // Longest first, so the first wait seen of each pool is its longest.
  const byPool = new Map<string, { longest: PoolWait; waits: number; lastMs: number }>();
  for (const wait of waits) {
    const key = `${wait.service}\u0000${wait.pool}`;
    const entry = byPool.get(key);
    if (entry) {
      entry.waits += 1;
      entry.lastMs = Math.max(entry.lastMs, wait.startMs);
    } else byPool.set(key, { longest: wait, waits: 1, lastMs: wait.startMs });
  }
  const shown = [...byPool.values()].slice(0, POOLS_SHOWN);
  return Promise.all(
    shown.map(async (entry) => {
      const explained = await explainPoolWait(db, entry.longest);
      return {
        kind: "poolWait" as const,
        time: entry.lastMs,
        service: entry.longest.service,
        pool: entry.longest.pool,
        waits: entry.waits,
        maxWaitMs: entry.longest.durationMs,
        victim: entry.longest,
        topHolder: explained.holders.operations[0] ?? null,
      };
    }),
  );
}

async function lockCauses(db: Pick<pg.Pool, "query">, input: { fromMs: number; toMs: number }): Promise<RecentCause[]> {
  const { events } = await listLockEvents(db, { from: input.fromMs, to: input.toMs, limit: 200 });
  const chosen = events.filter((e) => (e.kind === "wait" ? e.durationMs >= MIN_LOCK_WAIT_MS : e.processes.length > 0)).slice(0, LOCKS_SHOWN);
  const sides: LockSide[][] = chosen.map((event) => {
    if (event.kind === "wait") return [bareSide(event.waiter), ...event.blockers.slice(0, 1).map(bareSide)];
    const victim = event.processes.find((p) => p.pid === event.victimPid);
    return [...(victim ? [victim] : []), ...event.processes.filter((p) => p !== victim)].map(bareSide);
  });
  const named = await describeRequests(db, sides.flat());
  let next = 0;
  return chosen.map((event, index): RecentCause => {
    const own = sides[index]!.map(() => named[next++]!);
    const time = Date.parse(event.time);
    if (event.kind === "wait") {
      return { kind: "lockWait", time, eventId: event.id, database: event.database, durationMs: event.durationMs, object: event.lock.object, victim: own[0]!, other: own[1] ?? null };
    }
    const hasVictim = event.processes.some((p) => p.pid === event.victimPid);
    return { kind: "deadlock", time, eventId: event.id, database: event.database, victim: hasVictim ? own[0]! : null, others: hasVictim ? own.slice(1) : own };
  });
}

async function timeoutCauses(db: Pick<pg.Pool, "query">, input: { fromMs: number; toMs: number }): Promise<RecentCause[]> {
  // Entry requests only (root SERVER spans): the timeout report starts from those.
  const { rows } = await db.query<TimeoutRow>(
    `SELECT service_name, name, count(*)::int AS timed_out, max(start_ns)::float8 / 1e6 AS last_ms,
            encode((array_agg(trace_id ORDER BY start_ns DESC))[1], 'hex') AS trace_id
       FROM spans
      WHERE is_timeout AND parent_span_id IS NULL AND kind = 2
        AND start_time >= to_timestamp($1::float8 / 1000) AND start_time < to_timestamp($2::float8 / 1000)
      GROUP BY service_name, name
      ORDER BY count(*) DESC, service_name, name
      LIMIT ${TIMEOUT_ENDPOINTS_SHOWN}`,
    [input.fromMs, input.toMs],
  );
  return rows.map((row) => ({ kind: "timeouts", time: row.last_ms, service: row.service_name, operation: row.name, timedOut: row.timed_out, traceId: row.trace_id }));
}
