import type { AuditHistoryChange } from "@/lib/schemas/audit";

// Writers of one row that overlapped in time: a change whose request started before an earlier
// change (of another transaction) committed may have read the row before that change, and then
// written over it: a lost update, or a last-writer-wins race. The audit trail has each change's
// commit time, and the trace has when its request started; a transaction lies between the two.
// Changes without a request (or whose trace Sightline does not hold) have no known start and are
// left out: the page says so rather than guess. Changes of one transaction, or of one request
// (an INSERT and a later UPDATE made by the same request in two transactions), are one writer.

type Change = Pick<AuditHistoryChange, "id" | "txid" | "traceId" | "committedAt" | "request">;

const committedMs = (change: Change) => Date.parse(change.committedAt);

/** One writer: the same transaction, or the same request. */
const sameWriter = (a: Change, b: Change) => (a.txid !== null && a.txid === b.txid) || (a.traceId !== null && a.traceId === b.traceId);

/** Whether the group holds two or more writers: some change shares neither transaction nor request with the first, even through others. */
function hasTwoWriters(group: readonly Change[]): boolean {
  const first: Change[] = group.slice(0, 1);
  const rest = group.slice(1);
  for (let grew = true; grew; ) {
    grew = false;
    for (let i = rest.length - 1; i >= 0; i--) {
      if (first.some((c) => sameWriter(c, rest[i]!))) {
        first.push(...rest.splice(i, 1));
        grew = true;
      }
    }
  }
  return rest.length > 0;
}

/** Groups of overlapping changes by two or more writers, each in commit order; `history` is oldest first. */
export function findConcurrentWriters<T extends Change>(history: readonly T[]): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  const flush = () => {
    if (hasTwoWriters(group)) groups.push(group);
  };
  // The latest commit among the group so far: a later change overlaps if its request started before it.
  let groupEndMs = Number.NEGATIVE_INFINITY;
  for (const change of history) {
    const startMs = change.request?.startMs;
    if (group.length > 0 && startMs != null && startMs < groupEndMs) {
      group.push(change);
    } else {
      flush();
      group = startMs != null ? [change] : [];
      groupEndMs = Number.NEGATIVE_INFINITY;
    }
    if (group.length > 0) groupEndMs = Math.max(groupEndMs, committedMs(change));
  }
  flush();
  return groups;
}
