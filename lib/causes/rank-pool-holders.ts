// Who held a connection pool while requests waited for it. The input is the waits' intervals
// and every interval during which some request held one of the pool's connections (from its
// database client spans, or from the agent's activity samples of its session); the output
// ranks the holding operations and requests by connection-time inside the waits. Pure: the
// SQL that finds the intervals lives in find-pool-holds.ts.

export interface Interval {
  startMs: number;
  endMs: number;
}

export type HoldSource = "spans" | "activity";

/** One connection held by one request from startMs to endMs. */
export interface Hold extends Interval {
  traceId: string;
  /** The span under which the connection was used (the handler), when known. */
  spanId: string | null;
  /** The holding service's own entry operation in that trace (e.g. `GET /reports/sales`). */
  operation: string | null;
  /** The request the trace started with (its root span), when stored. */
  request: { service: string; name: string } | null;
  source: HoldSource;
}

export interface HoldingRequest {
  traceId: string;
  spanId: string | null;
  operation: string | null;
  request: { service: string; name: string } | null;
  /** Connection-milliseconds inside the waits (two connections for 1 s count 2 s). */
  heldMs: number;
  /** The longest single hold, whole (not clipped to the waits). */
  longestHoldMs: number;
  /** Most connections this request held at one moment of the waits. */
  connections: number;
  source: HoldSource;
}

export interface HoldingOperation {
  operation: string | null;
  requests: number;
  heldMs: number;
  longestHoldMs: number;
  /** Most connections the operation's requests held together at one moment of the waits. */
  connections: number;
}

export interface PoolHolders {
  operations: HoldingOperation[];
  requests: HoldingRequest[];
}

/** Sorted, non-overlapping intervals covering the same time as `intervals` (empty ones dropped). */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.endMs > i.startMs).sort((a, b) => a.startMs - b.startMs);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.startMs <= last.endMs) last.endMs = Math.max(last.endMs, interval.endMs);
    else merged.push({ startMs: interval.startMs, endMs: interval.endMs });
  }
  return merged;
}

/** The parts of `interval` inside the merged `windows`. */
export function clipToWindows(interval: Interval, windows: Interval[]): Interval[] {
  const parts: Interval[] = [];
  for (const window of windows) {
    const startMs = Math.max(interval.startMs, window.startMs);
    const endMs = Math.min(interval.endMs, window.endMs);
    if (endMs > startMs) parts.push({ startMs, endMs });
  }
  return parts;
}

/** The most intervals open at one instant; one ending where another starts does not overlap it. */
export function peakConcurrency(intervals: Interval[]): number {
  const edges = intervals.flatMap((i) => [
    { at: i.startMs, delta: 1 },
    { at: i.endMs, delta: -1 },
  ]);
  // Ends before starts at the same instant: a connection handed over is not two connections.
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let open = 0;
  let peak = 0;
  for (const edge of edges) {
    open += edge.delta;
    peak = Math.max(peak, open);
  }
  return peak;
}

/**
 * Ranks the holders of a pool during `waits`. The waiting requests themselves (`victims`) are
 * left out: a request cannot be the cause of its own wait. A request seen in the spans is not
 * counted again from the activity samples (the spans are more exact); a request seen only in
 * the samples (its spans not arrived, or not traced by this service) still counts.
 */
export function rankPoolHolders(waits: Interval[], holds: Hold[], victims: ReadonlySet<string> = new Set()): PoolHolders {
  const windows = mergeIntervals(waits);
  const fromSpans = new Set(holds.filter((h) => h.source === "spans").map((h) => h.traceId));
  const byTrace = new Map<string, { holds: Hold[]; parts: Interval[] }>();
  for (const hold of holds) {
    if (victims.has(hold.traceId)) continue;
    if (hold.source === "activity" && fromSpans.has(hold.traceId)) continue;
    const parts = clipToWindows(hold, windows);
    if (parts.length === 0) continue;
    const entry = byTrace.get(hold.traceId) ?? { holds: [], parts: [] };
    entry.holds.push(hold);
    entry.parts.push(...parts);
    byTrace.set(hold.traceId, entry);
  }

  const requests: HoldingRequest[] = [...byTrace.entries()].map(([traceId, { holds: own, parts }]) => {
    const first = own[0]!;
    return {
      traceId,
      spanId: first.spanId,
      operation: own.find((h) => h.operation)?.operation ?? null,
      request: own.find((h) => h.request)?.request ?? null,
      heldMs: parts.reduce((sum, p) => sum + (p.endMs - p.startMs), 0),
      longestHoldMs: Math.max(...own.map((h) => h.endMs - h.startMs)),
      connections: peakConcurrency(parts),
      source: first.source,
    };
  });
  requests.sort((a, b) => b.heldMs - a.heldMs || a.traceId.localeCompare(b.traceId));

  const byOperation = new Map<string, { operation: string | null; requests: HoldingRequest[]; parts: Interval[] }>();
  for (const request of requests) {
    const key = request.operation ?? "";
    const entry = byOperation.get(key) ?? { operation: request.operation, requests: [], parts: [] };
    entry.requests.push(request);
    entry.parts.push(...byTrace.get(request.traceId)!.parts);
    byOperation.set(key, entry);
  }
  const operations: HoldingOperation[] = [...byOperation.values()].map((entry) => ({
    operation: entry.operation,
    requests: entry.requests.length,
    heldMs: entry.requests.reduce((sum, r) => sum + r.heldMs, 0),
    longestHoldMs: Math.max(...entry.requests.map((r) => r.longestHoldMs)),
    connections: peakConcurrency(entry.parts),
  }));
  operations.sort((a, b) => b.heldMs - a.heldMs || (a.operation ?? "").localeCompare(b.operation ?? ""));
  return { operations, requests };
}
