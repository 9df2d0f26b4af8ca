import type pg from "pg";
import { listLockEvents } from "@/lib/audit/list-lock-events";
import { describeRequests } from "./describe-requests";
import { describeTraceLocks } from "./describe-trace-locks";
import { explainPoolWait } from "./explain-pool-wait";
import { findPoolWaits } from "./find-pool-waits";
import type { TraceCausesResponse } from "./schemas";

// GET /api/v1/causes/traces/{traceId}: why this request was slow or failed, as far as other
// requests are to blame: the connection pools it waited for (with who held them), and the lock
// waits and deadlocks it took part in (with the other side's request and query).

/** On one trace, a wait this long is worth explaining (a free connection takes microseconds). */
const TRACE_MIN_WAIT_MS = 50;
const TRACE_WAITS_EXPLAINED = 5;

export async function getTraceCauses(db: Pick<pg.Pool, "query">, traceId: string): Promise<TraceCausesResponse> {
  const [waits, events] = await Promise.all([
    findPoolWaits(db, { traceId, minWaitMs: TRACE_MIN_WAIT_MS, limit: TRACE_WAITS_EXPLAINED }),
    listLockEvents(db, { traceId, limit: 100 }),
  ]);
  const poolWaits = await Promise.all(waits.waits.map((wait) => explainPoolWait(db, wait)));
  const bare = describeTraceLocks(events.events, traceId);
  // One lookup for every side of every event, then split back in order.
  const named = await describeRequests(db, bare.flatMap((c) => [c.own, ...c.others]));
  let next = 0;
  const locks = bare.map((cause) => {
    const own = named[next++]!;
    const others = cause.others.map(() => named[next++]!);
    return { ...cause, own, others };
  });
  return { traceId, poolWaits, locks };
}
