import { buildSpanTree } from "@/lib/trace/build-span-tree";
import { computeCriticalPath } from "@/lib/trace/compute-critical-path";
import type { Endpoint, TimeoutReport } from "./schemas";
import { median, niceFloorMs } from "./timeout-arithmetic";

// The cause of the timeouts: on each sampled timed-out trace, walk the critical path (the work
// the entry request waited for) and credit each segment's time to its span's service and
// operation. The entry spans themselves are left out: their own time is the request, not a
// downstream dependency. Then the "calls to X took at least N s in P% of the requests" fact
// for the top one, measured as the caller saw it (its CLIENT span), since a held server span
// may outlast the caller that gave up on it.

const CLIENT = 3;
const MAX_SLOW_CALL_TRACE_IDS = 20;

export interface SampledSpan {
  spanId: string;
  parentSpanId: string | null;
  service: string;
  operation: string;
  kind: number;
  /** Nanoseconds from any common origin within the trace. */
  startNs: number;
  durationNs: number;
}

export interface SampledTrace {
  traceId: string;
  spans: SampledSpan[];
}

type Cause = TimeoutReport["cause"];

const keyOf = (e: Endpoint) => JSON.stringify([e.service, e.operation]);

export function rankCriticalTime(traces: readonly SampledTrace[]): Cause {
  const totals = new Map<string, { endpoint: Endpoint; ns: number; traces: number }>();
  let allNs = 0;
  for (const trace of traces) {
    const { spans } = trace;
    const index = new Map(spans.map((s, i) => [s.spanId, i]));
    const parentIndex = spans.map((s) => (s.parentSpanId === null ? -1 : (index.get(s.parentSpanId) ?? -1)));
    const startNs = spans.map((s) => s.startNs);
    const durationNs = spans.map((s) => s.durationNs);
    const tree = buildSpanTree(parentIndex, startNs);
    const { segments } = computeCriticalPath(tree, startNs, durationNs);
    const seen = new Set<string>();
    for (const segment of segments) {
      if (tree.parent[segment.span] === -1) continue;
      const span = spans[segment.span]!;
      const endpoint = { service: span.service, operation: span.operation };
      const key = keyOf(endpoint);
      const entry = totals.get(key) ?? { endpoint, ns: 0, traces: 0 };
      entry.ns += segment.endNs - segment.startNs;
      if (!seen.has(key)) entry.traces++;
      seen.add(key);
      totals.set(key, entry);
      allNs += segment.endNs - segment.startNs;
    }
  }
  const ranking = [...totals.values()]
    .sort((a, b) => b.ns - a.ns || keyOf(a.endpoint).localeCompare(keyOf(b.endpoint)))
    .slice(0, 20)
    .map((e) => ({ ...e.endpoint, criticalMs: e.ns / 1e6, share: allNs > 0 ? e.ns / allNs : 0, traces: e.traces }));
  const top = ranking[0];
  return { sampledTraces: traces.length, ranking, slowCall: top ? slowCallOf(traces, { service: top.service, operation: top.operation }) : null };
}

/** Per trace, the longest call to `callee` (its CLIENT parent's duration when it has one); the share over a round threshold near their median. */
function slowCallOf(traces: readonly SampledTrace[], callee: Endpoint): NonNullable<Cause["slowCall"]> | null {
  const longest: { traceId: string; ms: number }[] = [];
  const callers = new Map<string, { endpoint: Endpoint; count: number }>();
  for (const trace of traces) {
    const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
    let max = -1;
    for (const span of trace.spans) {
      if (span.service !== callee.service || span.operation !== callee.operation) continue;
      const parent = span.parentSpanId === null ? undefined : byId.get(span.parentSpanId);
      const call = parent && parent.kind === CLIENT ? parent : span;
      max = Math.max(max, call.durationNs / 1e6);
      if (call === parent) {
        const endpoint = { service: parent.service, operation: parent.operation };
        const entry = callers.get(keyOf(endpoint)) ?? { endpoint, count: 0 };
        entry.count++;
        callers.set(keyOf(endpoint), entry);
      }
    }
    if (max >= 0) longest.push({ traceId: trace.traceId, ms: max });
  }
  const thresholdMs = niceFloorMs(median(longest.map((l) => l.ms)) ?? 0);
  if (thresholdMs === 0) return null;
  const slow = longest.filter((l) => l.ms >= thresholdMs);
  const caller = [...callers.values()].sort((a, b) => b.count - a.count)[0]?.endpoint ?? null;
  return {
    caller,
    callee,
    thresholdMs,
    traces: slow.length,
    share: traces.length > 0 ? slow.length / traces.length : 0,
    traceIds: slow.slice(0, MAX_SLOW_CALL_TRACE_IDS).map((l) => l.traceId),
  };
}
