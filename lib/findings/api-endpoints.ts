import type { ApiEndpoint } from "@/lib/openapi/api-endpoints";
import { errorResponseSchema } from "@/lib/schemas/common";
import {
  duplicateDeliveriesResponseSchema,
  findingsWindowQuerySchema,
  slowWindowsResponseSchema,
  traceDeliveriesPathSchema,
  traceDeliveriesResponseSchema,
  whySlowQuerySchema,
  whySlowResponseSchema,
} from "./schemas";

// The findings area's endpoints, listed beside their schemas and spliced into the API list
// (lib/openapi/api-endpoints.ts), from which the OpenAPI document is generated.

const badRequest = { description: "a parameter is invalid; the message names it", name: "ErrorResponse", schema: errorResponseSchema };

export const findingsEndpoints: ApiEndpoint[] = [
  {
    path: "/api/v1/findings/duplicate-deliveries",
    access: "viewer",
    summary: "Deliveries that did nothing because their work was already done (idempotency hits), each with the earlier delivery that did it (the range's last 6 hours at most)",
    tag: "findings",
    query: findingsWindowQuerySchema,
    responses: { 200: { description: "the duplicates, newest first", name: "DuplicateDeliveriesResponse", schema: duplicateDeliveriesResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/traces/{traceId}/deliveries",
    access: "viewer",
    summary: "Whether this trace did nothing because another had done its work, and which later traces repeated its work",
    tag: "findings",
    pathParams: traceDeliveriesPathSchema,
    responses: { 200: { description: "the trace's duplicate relations", name: "TraceDeliveriesResponse", schema: traceDeliveriesResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/findings/slow-windows",
    access: "viewer",
    summary: "Windows where an entry operation was much slower than its usual minute, from the per-minute rollups (the range's last 6 hours at most)",
    tag: "findings",
    query: findingsWindowQuerySchema,
    responses: { 200: { description: "the slow windows, most slowed-down first", name: "SlowWindowsResponse", schema: slowWindowsResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/findings/why-slow",
    access: "viewer",
    summary: "BubbleUp: what sets an operation's slow requests in a window apart from the baseline's (attribute values, services, operations, span kinds, where they waited)",
    tag: "findings",
    query: whySlowQuerySchema,
    responses: { 200: { description: "the differences, biggest first", name: "WhySlowResponse", schema: whySlowResponseSchema }, 400: badRequest },
  },
];
