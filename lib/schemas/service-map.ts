import { z } from "zod";
import { refineTimeRange, timeRangeShape } from "./common";

// GET /api/v1/service-map: services and the calls between them in a window.

export const serviceMapQuerySchema = z
  .object({ ...timeRangeShape })
  .superRefine(refineTimeRange)
  .describe("Default window: the last hour.");

export const EDGE_SOURCES = ["span", "peer"] as const;

export const serviceMapNodeSchema = z.object({
  name: z.string(),
  requests: z.number().int().describe("SERVER and CONSUMER spans of the service in the window (requests it handled)"),
  errors: z.number().int().describe("of those, with status ERROR"),
  instrumented: z.boolean().describe("false for a service known only as a `peer.service` of its callers (it sends no telemetry)"),
});

export const serviceMapEdgeSchema = z.object({
  source: z.string().describe("the calling service"),
  target: z.string().describe("the called service"),
  via: z
    .enum(EDGE_SOURCES)
    .describe("span: a span of `source` is the parent of a span of `target`; peer: a CLIENT span of `source` names `target` in `peer.service` and has no child span"),
  calls: z.number().int(),
  errors: z.number().int(),
  requestsPerSecond: z.number().describe("calls divided by the window's length in seconds"),
  errorRate: z.number().describe("errors / calls, 0..1"),
  p95Ms: z.number().describe("95th percentile of the call's duration: the callee's span for `span` edges, the CLIENT span for `peer` edges"),
});

export const serviceMapResponseSchema = z.object({
  from: z.number().describe("window start, Unix milliseconds"),
  to: z.number().describe("window end, Unix milliseconds"),
  nodes: z.array(serviceMapNodeSchema).describe("by name"),
  edges: z.array(serviceMapEdgeSchema).describe("by source, then target"),
});

export type ServiceMapNode = z.infer<typeof serviceMapNodeSchema>;
export type ServiceMapEdge = z.infer<typeof serviceMapEdgeSchema>;
export type ServiceMapResponse = z.infer<typeof serviceMapResponseSchema>;
