import { traceSearchLink } from "@/lib/client/trace-link";
import type { AuditChange } from "@/lib/schemas/audit";
import { MAX_SEARCH_TRACE_IDS } from "@/lib/schemas/traces";
import { DEFAULT_LIMIT } from "@/lib/trace/search/search-limits";

// "Open in trace search" for an audit result set: the trace search for exactly the requests
// behind the listed changes. The search takes at most MAX_SEARCH_TRACE_IDS trace ids, so a
// larger set offers its newest ones (changes come newest first) and says how many there were.

/** A request's spans start before its change commits (and may end a little after). */
const REQUEST_LEAD_MS = 3_600_000;
const REQUEST_TAIL_MS = 5 * 60_000;

export interface AuditTracesLink {
  href: string;
  /** Traces in the link. */
  traces: number;
  /** Distinct traces behind the changes (more than `traces` when over the search's limit). */
  total: number;
}

export function auditTracesLink(changes: readonly Pick<AuditChange, "traceId" | "committedAt">[]): AuditTracesLink | null {
  const firstSeen = new Map<string, number>();
  const lastSeen = new Map<string, number>();
  for (const change of changes) {
    if (!change.traceId) continue;
    const at = Date.parse(change.committedAt);
    firstSeen.set(change.traceId, Math.min(firstSeen.get(change.traceId) ?? at, at));
    lastSeen.set(change.traceId, Math.max(lastSeen.get(change.traceId) ?? at, at));
  }
  if (firstSeen.size === 0) return null;
  const traceIds = [...firstSeen.keys()].slice(0, MAX_SEARCH_TRACE_IDS);
  const fromMs = Math.min(...traceIds.map((id) => firstSeen.get(id)!)) - REQUEST_LEAD_MS;
  const toMs = Math.max(...traceIds.map((id) => lastSeen.get(id)!)) + REQUEST_TAIL_MS;
  const href = traceSearchLink({ fromMs, toMs, traceIds, limit: traceIds.length > DEFAULT_LIMIT ? MAX_SEARCH_TRACE_IDS : undefined });
  return { href, traces: traceIds.length, total: firstSeen.size };
}
