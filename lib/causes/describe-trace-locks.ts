import type { LockEvent } from "@/lib/schemas/locks";
import type { LockCause, LockSide } from "./schemas";

// A trace's part in each lock event, with the processes on the other side: it waited for a lock
// (the blockers are the other side), held one that others waited for (the waiters), or was in a
// deadlock (the rest of the cycle). The same idea as describe-span-locks.ts in lib/database, by
// trace rather than by span, since the trace page names the cause of the whole request. The
// sides' requests and statements are filled in afterwards (describe-requests.ts).

type Process = { pid: number; traceId: string | null; spanId: string | null; query: string | null };

export const bareSide = (p: Process): LockSide => ({ pid: p.pid, traceId: p.traceId, spanId: p.spanId, query: p.query, request: null, statement: null });

export function describeTraceLocks(events: LockEvent[], traceId: string): LockCause[] {
  const causes: LockCause[] = [];
  for (const event of events) {
    const base = { eventId: event.id, database: event.database, time: event.time };
    if (event.kind === "wait") {
      const lock = { durationMs: event.durationMs, mode: event.lock.mode, object: event.lock.object };
      if (event.waiter.traceId === traceId) {
        causes.push({ ...base, ...lock, kind: "waited", own: bareSide(event.waiter), others: event.blockers.map(bareSide) });
        continue;
      }
      const blocker = event.blockers.find((b) => b.traceId === traceId);
      if (blocker) causes.push({ ...base, ...lock, kind: "blocked", own: bareSide(blocker), others: [bareSide(event.waiter)] });
      continue;
    }
    const own = event.processes.find((p) => p.traceId === traceId);
    if (!own) continue;
    causes.push({
      ...base,
      kind: own.pid === event.victimPid ? "deadlockVictim" : "deadlock",
      durationMs: null,
      mode: own.waitsFor?.mode ?? null,
      object: own.waitsFor?.object ?? null,
      own: bareSide(own),
      others: event.processes.filter((p) => p.pid !== own.pid).map(bareSide),
    });
  }
  return causes;
}
