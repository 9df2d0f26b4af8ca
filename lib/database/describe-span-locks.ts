import type { LockEvent } from "@/lib/schemas/locks";

// What the trace page says about one span from the lock events: it waited for a lock (and who
// held it), it held a lock others waited for, or it was in a deadlock (as the victim or not).
// A process is tied to a span by the span id of its sqlcommenter traceparent.

export interface OtherSide {
  pid: number;
  traceId: string | null;
  spanId: string | null;
}

export type SpanLockNote =
  | { kind: "waited"; eventId: string; database: string; durationMs: number; mode: string; object: string; others: OtherSide[] }
  | { kind: "blocked"; eventId: string; database: string; durationMs: number; mode: string; object: string; others: OtherSide[] }
  | { kind: "deadlockVictim" | "deadlock"; eventId: string; database: string; mode: string | null; object: string | null; others: OtherSide[] };

const side = (p: { pid: number; traceId: string | null; spanId: string | null }): OtherSide => ({ pid: p.pid, traceId: p.traceId, spanId: p.spanId });

export function describeSpanLocks(events: LockEvent[], spanId: string): SpanLockNote[] {
  const notes: SpanLockNote[] = [];
  for (const event of events) {
    if (event.kind === "wait") {
      const base = { eventId: event.id, database: event.database, durationMs: event.durationMs, mode: event.lock.mode, object: event.lock.object };
      if (event.waiter.spanId === spanId) notes.push({ kind: "waited", ...base, others: event.blockers.map(side) });
      else if (event.blockers.some((b) => b.spanId === spanId)) notes.push({ kind: "blocked", ...base, others: [side(event.waiter)] });
      continue;
    }
    const own = event.processes.find((p) => p.spanId === spanId);
    if (!own) continue;
    notes.push({
      kind: own.pid === event.victimPid ? "deadlockVictim" : "deadlock",
      eventId: event.id,
      database: event.database,
      mode: own.waitsFor?.mode ?? null,
      object: own.waitsFor?.object ?? null,
      others: event.processes.filter((p) => p.pid !== own.pid).map(side),
    });
  }
  return notes;
}
