import type { ServiceMapEdge, ServiceMapNode, ServiceMapResponse } from "@/lib/schemas/service-map";

// Rows of the service-map query → the API answer: rates per second over the window, error
// rates, and a node for every service that appears, including the ones only known as the
// `peer.service` of a caller (they send nothing, so they are marked not instrumented).

export interface EdgeRow {
  source: string;
  target: string;
  via: "span" | "peer";
  calls: number;
  errors: number;
  p95_ms: number | null;
}

export interface NodeRow {
  name: string;
  requests: number;
  errors: number;
}

export function buildServiceMap(window: { fromMs: number; toMs: number }, nodeRows: NodeRow[], edgeRows: EdgeRow[]): ServiceMapResponse {
  const seconds = Math.max(0.001, (window.toMs - window.fromMs) / 1000);
  const nodes = new Map<string, ServiceMapNode>();
  for (const row of nodeRows) nodes.set(row.name, { name: row.name, requests: row.requests, errors: row.errors, instrumented: true });
  const edges: ServiceMapEdge[] = edgeRows.map((row) => ({
    source: row.source,
    target: row.target,
    via: row.via,
    calls: row.calls,
    errors: row.errors,
    requestsPerSecond: row.calls / seconds,
    errorRate: row.calls > 0 ? row.errors / row.calls : 0,
    p95Ms: row.p95_ms ?? 0,
  }));
  for (const edge of edges) {
    // A caller's span always means the caller sent telemetry; a peer-only target never did.
    if (!nodes.has(edge.source)) nodes.set(edge.source, { name: edge.source, requests: 0, errors: 0, instrumented: true });
    if (!nodes.has(edge.target)) nodes.set(edge.target, { name: edge.target, requests: 0, errors: 0, instrumented: edge.via === "span" });
  }
  return {
    from: window.fromMs,
    to: window.toMs,
    nodes: [...nodes.values()].sort((a, b) => compareText(a.name, b.name)),
    edges: edges.sort((a, b) => compareText(a.source, b.source) || compareText(a.target, b.target)),
  };
}

// Code-unit order, not locale order: the same on the server and in every browser.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
