import { z } from "zod";
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
import { auditChangesQuerySchema, auditChangesResponseSchema, auditIngestBodySchema, auditIngestResponseSchema } from "@/lib/schemas/audit";
import { createdIngestKeySchema, createIngestKeyBodySchema, ingestKeyListSchema, ingestKeySchema } from "@/lib/schemas/ingest-keys";
import { lockEventsQuerySchema, lockEventsResponseSchema, lockIngestBodySchema, lockIngestResponseSchema } from "@/lib/schemas/locks";
import { serviceMapQuerySchema, serviceMapResponseSchema } from "@/lib/schemas/service-map";
import { spanAttributesQuerySchema, spanAttributesResponseSchema } from "@/lib/schemas/span-attributes";
import { storageResponseSchema } from "@/lib/schemas/storage";
import { compactTraceSchema, findInTraceQuerySchema, findInTraceResponseSchema, traceSpanPathSchema, traceSpanResponseSchema } from "@/lib/schemas/trace-compact";
import { traceIdPathSchema, traceResponseSchema, traceSearchQuerySchema, traceSearchResponseSchema } from "@/lib/schemas/traces";

// The JSON API as data: each endpoint's path, its request schemas and its response schemas by
// status, all the same zod objects the routes parse with and the browser checks responses with.
// The OpenAPI document is generated from this list, so a route missing here is missing there.

/** An object of parameter schemas: each property is one query or path parameter. */
export type ParameterSchema = z.ZodObject<Record<string, z.ZodType>>;

export interface ApiEndpoint {
  path: string;
  /** GET when not given. */
  method?: "get" | "post" | "delete";
  summary: string;
  tag: "health" | "storage" | "traces" | "services" | "metrics" | "logs" | "audit" | "locks" | "ingest";
  query?: ParameterSchema;
  pathParams?: ParameterSchema;
  /** A JSON request body; `otlp` marks the OTLP endpoints, whose bodies are OTLP messages. */
  body?: { description: string; name: string; schema: z.ZodType } | "otlp";
  /** Responses by HTTP status, each a schema with a component name. */
  responses: Record<number, { description: string; name: string; schema: z.ZodType }>;
}

const badRequest = { description: "a parameter is invalid; the message names it", name: "ErrorResponse", schema: errorResponseSchema };
const unauthorized = { description: "missing, wrong or revoked ingest key", name: "ErrorResponse", schema: errorResponseSchema };
const unavailable = { description: "the store is behind or failed: nothing was written; retry after Retry-After", name: "ErrorResponse", schema: errorResponseSchema };
const otlpExportResponseSchema = z.object({ partialSuccess: z.object({ errorMessage: z.string() }).loose().optional() }).loose();
const otlpEndpoint = (signal: "traces" | "metrics" | "logs", request: string): ApiEndpoint => ({
  path: `/api/otlp/v1/${signal}`,
  method: "post",
  summary: `OTLP/HTTP ${signal} export (${request}), protobuf or JSON, gzip or not; answers the OTLP Export*ServiceResponse, with partial success`,
  tag: "ingest",
  body: "otlp",
  responses: {
    200: { description: "stored (partialSuccess counts items rejected by validation)", name: "OtlpExportResponse", schema: otlpExportResponseSchema },
    400: badRequest,
    401: unauthorized,
    413: { description: "body over 16 MiB, on the wire or once inflated", name: "ErrorResponse", schema: errorResponseSchema },
    415: { description: "not application/x-protobuf or application/json, or an encoding other than gzip", name: "ErrorResponse", schema: errorResponseSchema },
    503: unavailable,
  },
});

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
  {
    path: "/api/v1/service-map",
    summary: "Services and the calls between them in a window, with rate, errors and p95 per edge",
    tag: "services",
    query: serviceMapQuerySchema,
    responses: { 200: { description: "nodes and edges", name: "ServiceMapResponse", schema: serviceMapResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/audit/changes",
    summary: "Row changes recorded by the db agent, newest first",
    tag: "audit",
    query: auditChangesQuerySchema,
    responses: { 200: { description: "matching changes", name: "AuditChangesResponse", schema: auditChangesResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/locks",
    summary: "Lock waits and deadlock cycles with their processes, queries and trace ids",
    tag: "locks",
    query: lockEventsQuerySchema,
    responses: { 200: { description: "matching events", name: "LockEventsResponse", schema: lockEventsResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/ingest/audit",
    method: "post",
    summary: "Row changes from the db agent; each change's id makes a re-sent batch store once",
    tag: "ingest",
    body: { description: "a batch of row changes", name: "AuditIngestBody", schema: auditIngestBodySchema },
    responses: { 200: { description: "stored, except the changes listed as rejected (each refused alone)", name: "AuditIngestResponse", schema: auditIngestResponseSchema }, 400: badRequest, 401: unauthorized, 503: unavailable },
  },
  {
    path: "/api/v1/ingest/locks",
    method: "post",
    summary: "Lock waits and deadlocks from the db agent",
    tag: "ingest",
    body: { description: "a batch of lock events", name: "LockIngestBody", schema: lockIngestBodySchema },
    responses: { 200: { description: "stored, except the events listed as rejected (each refused alone)", name: "LockIngestResponse", schema: lockIngestResponseSchema }, 400: badRequest, 401: unauthorized, 503: unavailable },
  },
  {
    path: "/api/v1/ingest-keys",
    summary: "Stored ingest keys (never their secrets)",
    tag: "ingest",
    responses: { 200: { description: "every key, newest first", name: "IngestKeyList", schema: ingestKeyListSchema } },
  },
  {
    path: "/api/v1/ingest-keys",
    method: "post",
    summary: "Create an ingest key; the secret is in this response only",
    tag: "ingest",
    body: { description: "the key's name", name: "CreateIngestKeyBody", schema: createIngestKeyBodySchema },
    responses: { 200: { description: "the new key with its secret", name: "CreatedIngestKey", schema: createdIngestKeySchema }, 400: badRequest },
  },
  {
    path: "/api/v1/ingest-keys/{id}",
    method: "delete",
    summary: "Revoke an ingest key",
    tag: "ingest",
    pathParams: z.object({ id: z.uuid() }),
    responses: { 200: { description: "the revoked key", name: "IngestKey", schema: ingestKeySchema }, 400: badRequest, 404: notFound },
  },
  otlpEndpoint("traces", "ExportTraceServiceRequest"),
  otlpEndpoint("metrics", "ExportMetricsServiceRequest"),
  otlpEndpoint("logs", "ExportLogsServiceRequest"),
  {
    path: "/api/v1/traces/{traceId}/compact",
    summary: "One trace in the compact columnar form the trace page reads (large traces, fast)",
    tag: "traces",
    pathParams: traceIdPathSchema,
    responses: { 200: { description: "the trace, column by column", name: "CompactTrace", schema: compactTraceSchema }, 400: badRequest, 404: notFound },
  },
  {
    path: "/api/v1/traces/{traceId}/spans/{spanId}",
    summary: "One span in full: attributes, events, links and resource",
    tag: "traces",
    pathParams: traceSpanPathSchema,
    responses: { 200: { description: "the span", name: "TraceSpanResponse", schema: traceSpanResponseSchema }, 400: badRequest, 404: notFound },
  },
  {
    path: "/api/v1/traces/{traceId}/find",
    summary: "Spans of one trace whose name, service, status message, attributes or events contain the text",
    tag: "traces",
    pathParams: traceIdPathSchema,
    query: findInTraceQuerySchema,
    responses: { 200: { description: "matching spans", name: "FindInTraceResponse", schema: findInTraceResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/span-attributes",
    summary: "Span attribute keys and frequent values seen in a window, for search suggestions",
    tag: "traces",
    query: spanAttributesQuerySchema,
    responses: { 200: { description: "keys with values", name: "SpanAttributesResponse", schema: spanAttributesResponseSchema }, 400: badRequest },
  },
];
