import type { ApiEndpoint } from "@/lib/openapi/api-endpoints";
import { errorResponseSchema } from "@/lib/schemas/common";
import { traceIdPathSchema } from "@/lib/schemas/traces";
import { poolWaitsQuerySchema, poolWaitsResponseSchema, recentCausesQuerySchema, recentCausesResponseSchema, traceCausesResponseSchema } from "./schemas";

// The causes area's endpoints, listed beside their schemas and spliced into the API list
// (lib/openapi/api-endpoints.ts), from which the OpenAPI document is generated.

const badRequest = { description: "a parameter is invalid; the message names it", name: "ErrorResponse", schema: errorResponseSchema };

export const causeEndpoints: ApiEndpoint[] = [
  {
    path: "/api/v1/causes/traces/{traceId}",
    access: "viewer",
    summary: "What other requests did to this one: the pools it waited for with who held them, the lock waits and deadlocks it took part in with the other side",
    tag: "causes",
    pathParams: traceIdPathSchema,
    responses: { 200: { description: "the trace's causes (empty lists when none)", name: "TraceCausesResponse", schema: traceCausesResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/causes/pool-waits",
    access: "viewer",
    summary: "A service's waits for a database connection in a window and the requests that held its pool meanwhile",
    tag: "causes",
    query: poolWaitsQuerySchema,
    responses: { 200: { description: "waits and holders", name: "PoolWaitsResponse", schema: poolWaitsResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/causes/recent",
    access: "viewer",
    summary: "The causes of a window for the overview: pool waits with the top holder, lock waits and deadlocks with both requests, endpoints with timeouts",
    tag: "causes",
    query: recentCausesQuerySchema,
    responses: { 200: { description: "newest first", name: "RecentCausesResponse", schema: recentCausesResponseSchema }, 400: badRequest },
  },
];
