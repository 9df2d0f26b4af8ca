import type { AuditHistoryChange } from "@/lib/schemas/audit";

// Writers of one row that overlapped in time: a change whose request started before an earlier
// change (of another transaction) committed may have read the row before that change, and then
// written over it: a lost update, or a last-writer-wins race. The audit trail has each change's
// commit time, and the trace has when its request started; a transaction lies between the two.
// Changes without a request (or whose trace Sightline does not hold) have no known start and are
// left out: the page says so rather than guess.

type Change = Pick<AuditHistoryChange, "id" | "txid" | "committedAt" | "request">;

const committedMs = (change: Change) => Date.parse(change.committedAt);

/** Groups of two or more overlapping writers, each in commit order; `history` is oldest first. */
export function findConcurrentWriters<T extends Change>(history: readonly T[]): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  // The latest commit among the group so far: a later writer overlaps if it started before it.
  let groupEndMs = Number.NEGATIVE_INFINITY;
  for (const change of history) {
    const startMs = change.request?.startMs;
    const overlaps =
      group.length > 0 && startMs != null && startMs < groupEndMs && group.some((other) => other.txid === null || change.txid === null || other.txid !== change.txid);
    if (overlaps) {
      group.push(change);
    } else {
      if (group.length > 1) groups.push(group);
      group = startMs != null ? [change] : [];
      groupEndMs = Number.NEGATIVE_INFINITY;
    }
    if (group.length > 0) groupEndMs = Math.max(groupEndMs, committedMs(change));
  }
  if (group.length > 1) groups.push(group);
  return groups;
}
