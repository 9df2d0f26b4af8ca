import { traceSearchHref } from "@/lib/trace/search/search-params";

// Where a chart leads: the trace search for a service (and operation) in a window, ordered so
// that what the chart showed comes first — slowest for a latency chart, failing for an error
// chart. Every chart builds its links here, so the trace search's URL contract has one writer.

export interface TraceSearchLink {
  fromMs: number;
  toMs: number;
  service?: string | null;
  operation?: string | null;
  /** `duration`: slowest first (latency charts); `start`: newest first. */
  sort?: "duration" | "start";
  status?: "error" | "any";
  timeout?: boolean;
  /** `key=value` attribute conditions (e.g. `peer.service=payment-provider`). */
  attr?: string[];
  /** Exact traces to offer (e.g. a histogram's exemplars). */
  traceIds?: string[];
  /** How many traces the search lists (its own default otherwise). */
  limit?: number;
}

export function traceSearchLink(link: TraceSearchLink): string {
  const href = traceSearchHref("/traces", {
    from: Math.floor(link.fromMs),
    to: Math.ceil(link.toMs),
    rel: null,
    service: link.service ?? null,
    operation: link.operation ?? null,
    sort: link.sort ?? null,
    status: link.status === "error" ? "error" : null,
    timeout: link.timeout ? true : null,
    attr: link.attr?.length ? link.attr : null,
    limit: link.limit ?? null,
  });
  if (!link.traceIds?.length) return href;
  // The trace-id filter is the search's newest parameter; appended here so this module is
  // the only one that needs to know its name.
  const ids = link.traceIds.map((id) => `traceId=${encodeURIComponent(id)}`).join("&");
  return `${href}${href.includes("?") ? "&" : "?"}${ids}`;
}
