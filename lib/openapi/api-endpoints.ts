import type { z } from "zod";
import { errorResponseSchema } from "@/lib/schemas/common";
import { healthResponseSchema, healthUnavailableSchema } from "@/lib/schemas/health";
import { logSearchQuerySchema, logSearchResponseSchema } from "@/lib/schemas/logs";
import {
  metricLabelsQuerySchema,
  metricLabelsResponseSchema,
  metricListQuerySchema,
  metricListResponseSchema,
  metricQueryResponseSchema,
  metricQuerySchema,
} from "@/lib/schemas/metrics";
import { redQuerySchema, redResponseSchema } from "@/lib/schemas/red";
import { servicesQuerySchema, servicesResponseSchema } from "@/lib/schemas/services";
import { storageResponseSchema } from "@/lib/schemas/storage";
import { traceIdPathSchema, traceResponseSchema, traceSearchQuerySchema, traceSearchResponseSchema } from "@/lib/schemas/traces";

// The JSON API as data: each endpoint's path, its request schemas and its response schemas by
// status, all the same zod objects the routes parse with and the browser checks responses with.
// The OpenAPI document is generated from this list, so a route missing here is missing there.

/** An object of parameter schemas: each property is one query or path parameter. */
export type ParameterSchema = z.ZodObject<Record<string, z.ZodType>>;

export interface ApiEndpoint {
  path: string;
  summary: string;
  tag: "health" | "storage" | "traces" | "services" | "metrics" | "logs";
  query?: ParameterSchema;
  pathParams?: ParameterSchema;
  /** Responses by HTTP status, each a schema with a component name. */
  responses: Record<number, { description: string; name: string; schema: z.ZodType }>;
}

const badRequest = { description: "a parameter is invalid; the message names it", name: "ErrorResponse", schema: errorResponseSchema };
const notFound = { description: "nothing found", name: "ErrorResponse", schema: errorResponseSchema };

export const apiEndpoints: ApiEndpoint[] = [
  {
    path: "/api/health",
    summary: "Whether the server and its database answer",
    tag: "health",
    responses: {
      200: { description: "the database answered", name: "HealthResponse", schema: healthResponseSchema },
      503: { description: "the database did not answer", name: "HealthUnavailable", schema: healthUnavailableSchema },
    },
  },
  {
    path: "/api/v1/storage",
    summary: "Stored telemetry per table and day",
    tag: "storage",
    responses: { 200: { description: "row and byte estimates per partition", name: "StorageResponse", schema: storageResponseSchema } },
  },
  {
    path: "/api/v1/traces/{traceId}",
    summary: "One trace with all its spans, events, links and resources",
    tag: "traces",
    pathParams: traceIdPathSchema,
    responses: {
      200: { description: "the trace", name: "TraceResponse", schema: traceResponseSchema },
      400: badRequest,
      404: { ...notFound, description: "no span of this trace is stored" },
    },
  },
  {
    path: "/api/v1/traces",
    summary: "Search traces",
    tag: "traces",
    query: traceSearchQuerySchema,
    responses: { 200: { description: "matching traces", name: "TraceSearchResponse", schema: traceSearchResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/services",
    summary: "Services and their operations seen in a window",
    tag: "services",
    query: servicesQuerySchema,
    responses: { 200: { description: "services by name", name: "ServicesResponse", schema: servicesResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/red",
    summary: "Rate, errors and duration of a service over time",
    tag: "services",
    query: redQuerySchema,
    responses: { 200: { description: "one point per step", name: "RedResponse", schema: redResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/metrics",
    summary: "Metric names with type, unit and label keys",
    tag: "metrics",
    query: metricListQuerySchema,
    responses: { 200: { description: "metrics by name", name: "MetricListResponse", schema: metricListResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/metrics/labels",
    summary: "Values of one label of a metric",
    tag: "metrics",
    query: metricLabelsQuerySchema,
    responses: { 200: { description: "distinct values", name: "MetricLabelsResponse", schema: metricLabelsResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/metrics/query",
    summary: "A metric filtered, grouped and aggregated per step",
    tag: "metrics",
    query: metricQuerySchema,
    responses: { 200: { description: "one series per group", name: "MetricQueryResponse", schema: metricQueryResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/logs",
    summary: "Search log records, newest first",
    tag: "logs",
    query: logSearchQuerySchema,
    responses: { 200: { description: "matching log records", name: "LogSearchResponse", schema: logSearchResponseSchema }, 400: badRequest },
  },
];
