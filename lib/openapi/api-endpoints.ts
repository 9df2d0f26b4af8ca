import { z } from "zod";
import type { RouteAccess } from "@/lib/http/with-route";
import { errorResponseSchema } from "@/lib/schemas/common";
import { healthResponseSchema, healthUnavailableSchema } from "@/lib/schemas/health";
import { logSearchQuerySchema, logSearchResponseSchema } from "@/lib/schemas/logs";
import {
  metricExemplarsQuerySchema,
  metricExemplarsResponseSchema,
  metricHeatmapQuerySchema,
  metricHeatmapResponseSchema,
  metricLabelsQuerySchema,
  metricLabelsResponseSchema,
  metricListQuerySchema,
  metricListResponseSchema,
  metricQueryResponseSchema,
  metricQuerySchema,
} from "@/lib/schemas/metrics";
import { redQuerySchema, redResponseSchema } from "@/lib/schemas/red";
import { servicesQuerySchema, servicesResponseSchema } from "@/lib/schemas/services";
import { serviceEndpoints } from "@/lib/services/api-endpoints";
import { incidentEndpoints } from "@/lib/incidents/api-endpoints";
import { causeEndpoints } from "@/lib/causes/api-endpoints";
import { consistencyEndpoints } from "@/lib/consistency/api-endpoints";
import { alertEndpoints } from "@/lib/alerts/api-endpoints";
import { jobEndpoints } from "@/lib/jobs/api-endpoints";
import { sloEndpoints } from "@/lib/slo/api-endpoints";
import { findingsEndpoints } from "@/lib/findings/api-endpoints";
import { timeoutReportSettingsResponseSchema, timeoutReportSettingsSchema } from "@/lib/reports/report-settings-schema";
import { timeoutReportQuerySchema, timeoutReportSchema } from "@/lib/reports/schemas";
import {
  auditChangesExportQuerySchema,
  auditChangesQuerySchema,
  auditChangesResponseSchema,
  auditIngestBodySchema,
  auditIngestResponseSchema,
  auditRowAsOfQuerySchema,
  auditRowAsOfResponseSchema,
  auditRowHistoryQuerySchema,
  auditRowHistoryResponseSchema,
} from "@/lib/schemas/audit";
import { createdIngestKeySchema, createIngestKeyBodySchema, ingestKeyListSchema, ingestKeySchema } from "@/lib/schemas/ingest-keys";
import { databaseActivityQuerySchema, databaseActivityResponseSchema } from "@/lib/schemas/database-activity";
import { lockEventsQuerySchema, lockEventsResponseSchema, lockIngestBodySchema, lockIngestResponseSchema } from "@/lib/schemas/locks";
import { activityQuerySchema, activityResponseSchema } from "@/lib/schemas/activity";
import {
  createDashboardBodySchema,
  dashboardIdPathSchema,
  dashboardListSchema,
  dashboardSchema,
  deletedDashboardSchema,
  updateDashboardBodySchema,
} from "@/lib/dashboards/schemas";
import { apiTokenIdPathSchema, apiTokenListSchema, apiTokenSchema, createApiTokenBodySchema, createdApiTokenSchema } from "@/lib/schemas/api-tokens";
import { acceptInviteBodySchema, meResponseSchema, setupBodySchema, signedInResponseSchema, signInBodySchema } from "@/lib/schemas/auth";
import { createdUserSchema, createUserBodySchema, updateUserBodySchema, userIdPathSchema, userListSchema, userSchema } from "@/lib/schemas/users";
import { serviceMapQuerySchema, serviceMapResponseSchema } from "@/lib/schemas/service-map";
import { spanAttributesQuerySchema, spanAttributesResponseSchema } from "@/lib/schemas/span-attributes";
import { storageResponseSchema } from "@/lib/schemas/storage";
import { compactTraceSchema, findInTraceQuerySchema, findInTraceResponseSchema, traceSpanPathSchema, traceSpanResponseSchema } from "@/lib/schemas/trace-compact";
import { annotationIdPathSchema, annotationListSchema, annotationSchema, annotationsQuerySchema, createAnnotationBodySchema } from "@/lib/annotations/schemas";
import { traceIdPathSchema, traceResponseSchema, traceSearchQuerySchema, traceSearchResponseSchema } from "@/lib/schemas/traces";

// The JSON API as data: each endpoint's path, its request schemas and its response schemas by
// status, all the same zod objects the routes parse with and the browser checks responses with.
// The OpenAPI document is generated from this list, so a route missing here is missing there.

/** An object of parameter schemas: each property is one query or path parameter. */
export type ParameterSchema = z.ZodObject<Record<string, z.ZodType>>;

export interface ApiEndpoint {
  path: string;
  /** Who may call it: the role a session or API token needs, an ingest key, or anyone (`public`). */
  access: RouteAccess;
  /** GET when not given. */
  method?: "get" | "post" | "put" | "patch" | "delete";
  summary: string;
  tag: "health" | "storage" | "traces" | "services" | "metrics" | "logs" | "audit" | "locks" | "ingest" | "accounts" | "annotations" | "dashboards" | "reports" | "incidents" | "causes" | "consistency" | "findings" | "alerts" | "jobs" | "slos";
  query?: ParameterSchema;
  pathParams?: ParameterSchema;
  /** A JSON request body; `otlp` marks the OTLP endpoints, whose bodies are OTLP messages. */
  body?: { description: string; name: string; schema: z.ZodType } | "otlp";
  /** Responses by HTTP status, each a schema with a component name; JSON unless `contentType` says otherwise. */
  responses: Record<number, { description: string; name: string; schema: z.ZodType; contentType?: string }>;
}

const badRequest = { description: "a parameter is invalid; the message names it", name: "ErrorResponse", schema: errorResponseSchema };
const unauthorized = { description: "missing, wrong or revoked ingest key", name: "ErrorResponse", schema: errorResponseSchema };
const bodyTimeout = { description: "the body did not arrive within the read deadline (30 s); nothing was written", name: "ErrorResponse", schema: errorResponseSchema };
const unavailable = { description: "the store is behind or failed: nothing was written; retry after Retry-After", name: "ErrorResponse", schema: errorResponseSchema };
const otlpExportResponseSchema = z.object({ partialSuccess: z.object({ errorMessage: z.string() }).loose().optional() }).loose();
const otlpEndpoint = (signal: "traces" | "metrics" | "logs", request: string): ApiEndpoint => ({
  path: `/api/otlp/v1/${signal}`,
  access: "ingest-key",
  method: "post",
  summary: `OTLP/HTTP ${signal} export (${request}), protobuf or JSON, gzip or not; answers the OTLP Export*ServiceResponse, with partial success`,
  tag: "ingest",
  body: "otlp",
  responses: {
    200: { description: "stored (partialSuccess counts items rejected by validation)", name: "OtlpExportResponse", schema: otlpExportResponseSchema },
    400: badRequest,
    401: unauthorized,
    408: bodyTimeout,
    413: { description: "body over 16 MiB, on the wire or once inflated", name: "ErrorResponse", schema: errorResponseSchema },
    415: { description: "not application/x-protobuf or application/json, or an encoding other than gzip", name: "ErrorResponse", schema: errorResponseSchema },
    503: unavailable,
  },
});

const notFound = { description: "nothing found", name: "ErrorResponse", schema: errorResponseSchema };

export const apiEndpoints: ApiEndpoint[] = [
  {
    path: "/api/health",
    access: "public",
    summary: "Whether the server and its database answer",
    tag: "health",
    responses: {
      200: { description: "the database answered", name: "HealthResponse", schema: healthResponseSchema },
      503: { description: "the database did not answer", name: "HealthUnavailable", schema: healthUnavailableSchema },
    },
  },
  {
    path: "/api/v1/storage",
    access: "viewer",
    summary: "Stored telemetry per table and day",
    tag: "storage",
    responses: { 200: { description: "row and byte estimates per partition", name: "StorageResponse", schema: storageResponseSchema } },
  },
  {
    path: "/api/v1/traces/{traceId}",
    access: "viewer",
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
    access: "viewer",
    summary: "Search traces",
    tag: "traces",
    query: traceSearchQuerySchema,
    responses: { 200: { description: "matching traces", name: "TraceSearchResponse", schema: traceSearchResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/services",
    access: "viewer",
    summary: "Services and their operations seen in a window",
    tag: "services",
    query: servicesQuerySchema,
    responses: { 200: { description: "services by name", name: "ServicesResponse", schema: servicesResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/red",
    access: "viewer",
    summary: "Rate, errors and duration of a service over time",
    tag: "services",
    query: redQuerySchema,
    responses: { 200: { description: "one point per step", name: "RedResponse", schema: redResponseSchema }, 400: badRequest },
  },
  ...serviceEndpoints,
  ...incidentEndpoints,
  ...causeEndpoints,
  ...consistencyEndpoints,
  ...alertEndpoints,
  ...jobEndpoints,
  ...sloEndpoints,
  ...findingsEndpoints,
  {
    path: "/api/v1/metrics",
    access: "viewer",
    summary: "Metric names with type, unit and label keys",
    tag: "metrics",
    query: metricListQuerySchema,
    responses: { 200: { description: "metrics by name", name: "MetricListResponse", schema: metricListResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/metrics/labels",
    access: "viewer",
    summary: "Values of one label of a metric",
    tag: "metrics",
    query: metricLabelsQuerySchema,
    responses: { 200: { description: "distinct values", name: "MetricLabelsResponse", schema: metricLabelsResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/metrics/query",
    access: "viewer",
    summary: "A metric filtered, grouped and aggregated per step",
    tag: "metrics",
    query: metricQuerySchema,
    responses: { 200: { description: "one series per group", name: "MetricQueryResponse", schema: metricQueryResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/metrics/heatmap",
    access: "viewer",
    summary: "A histogram metric's observations per bucket and step",
    tag: "metrics",
    query: metricHeatmapQuerySchema,
    responses: { 200: { description: "bucket bounds and non-empty cells", name: "MetricHeatmapResponse", schema: metricHeatmapResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/metrics/exemplars",
    access: "viewer",
    summary: "Exemplars of a metric: measurements with the trace they were recorded in",
    tag: "metrics",
    query: metricExemplarsQuerySchema,
    responses: { 200: { description: "newest or largest first", name: "MetricExemplarsResponse", schema: metricExemplarsResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/logs",
    access: "viewer",
    summary: "Search log records, newest first",
    tag: "logs",
    query: logSearchQuerySchema,
    responses: { 200: { description: "matching log records", name: "LogSearchResponse", schema: logSearchResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/reports/timeouts",
    access: "viewer",
    summary: "Timeout impact report: timed-out entry requests against the baseline, the cause, customers, orders, money and state left behind",
    tag: "reports",
    query: timeoutReportQuerySchema,
    responses: { 200: { description: "the report's facts; customer and order ids left out below the settings' role (`lists.withheld`)", name: "TimeoutReport", schema: timeoutReportSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/settings/timeout-report",
    access: "viewer",
    summary: "Timeout report settings: which span attributes and audited tables mean customer, order, amount and currency, and who sees the lists",
    tag: "reports",
    responses: { 200: { description: "the settings in force and the defaults", name: "TimeoutReportSettingsResponse", schema: timeoutReportSettingsResponseSchema } },
  },
  {
    path: "/api/v1/settings/timeout-report",
    access: "admin",
    method: "put",
    summary: "Replace the timeout report settings (later reports are computed with them)",
    tag: "reports",
    body: { description: "the whole settings object", name: "TimeoutReportSettings", schema: timeoutReportSettingsSchema },
    responses: { 200: { description: "the settings now in force", name: "TimeoutReportSettingsResponse", schema: timeoutReportSettingsResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/settings/timeout-report",
    access: "admin",
    method: "delete",
    summary: "Reset the timeout report settings to the defaults",
    tag: "reports",
    responses: { 200: { description: "the defaults, now in force", name: "TimeoutReportSettingsResponse", schema: timeoutReportSettingsResponseSchema } },
  },
  {
    path: "/api/v1/annotations",
    access: "viewer",
    summary: "Annotations (points and windows with a note) overlapping a window, oldest first",
    tag: "annotations",
    query: annotationsQuerySchema,
    responses: { 200: { description: "the annotations", name: "AnnotationList", schema: annotationListSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/annotations",
    access: "editor",
    method: "post",
    summary: "Add an annotation: a point in time or a window, with a note; shown on every chart of its range",
    tag: "annotations",
    body: { description: "when, the note, tags and optionally the service it concerns", name: "CreateAnnotationBody", schema: createAnnotationBodySchema },
    responses: { 200: { description: "the new annotation", name: "Annotation", schema: annotationSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/annotations/{id}",
    access: "editor",
    method: "delete",
    summary: "Delete an annotation",
    tag: "annotations",
    pathParams: annotationIdPathSchema,
    responses: { 200: { description: "the annotation as it was", name: "Annotation", schema: annotationSchema }, 400: badRequest, 404: notFound },
  },
  {
    path: "/api/v1/service-map",
    access: "viewer",
    summary: "Services and the calls between them in a window, with rate, errors and p95 per edge",
    tag: "services",
    query: serviceMapQuerySchema,
    responses: { 200: { description: "nodes and edges", name: "ServiceMapResponse", schema: serviceMapResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/audit/changes",
    access: "viewer",
    summary: "Row changes recorded by the db agent, newest first",
    tag: "audit",
    query: auditChangesQuerySchema,
    responses: { 200: { description: "matching changes", name: "AuditChangesResponse", schema: auditChangesResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/audit/changes/export",
    access: "viewer",
    summary: "The same search as /api/v1/audit/changes as a streamed CSV download (text/csv, RFC 4180, a header record first)",
    tag: "audit",
    query: auditChangesExportQuerySchema,
    responses: { 200: { description: "one record per change, in the search's order", name: "AuditChangesCsv", schema: z.string(), contentType: "text/csv" }, 400: badRequest },
  },
  {
    path: "/api/v1/audit/row-history",
    access: "viewer",
    summary: "Every change of one row, oldest first, with the request (trace root and span) behind each",
    tag: "audit",
    query: auditRowHistoryQuerySchema,
    responses: { 200: { description: "the row's changes", name: "AuditRowHistoryResponse", schema: auditRowHistoryResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/audit/row",
    access: "viewer",
    summary: "One row as it was at a moment, reconstructed from its recorded changes",
    tag: "audit",
    query: auditRowAsOfQuerySchema,
    responses: { 200: { description: "the row's state", name: "AuditRowAsOfResponse", schema: auditRowAsOfResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/locks",
    access: "viewer",
    summary: "Lock waits and deadlock cycles with their processes, queries and trace ids",
    tag: "locks",
    query: lockEventsQuerySchema,
    responses: { 200: { description: "matching events", name: "LockEventsResponse", schema: lockEventsResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/database/activity",
    access: "viewer",
    summary: "A monitored database's tables with the most sequential scans and dead tuples (with their last vacuums) and its longest idle-in-transaction sessions, from the db agent's samples",
    tag: "locks",
    query: databaseActivityQuerySchema,
    responses: { 200: { description: "the newest sample's tables and the window's longest idle sessions", name: "DatabaseActivityResponse", schema: databaseActivityResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/ingest/audit",
    access: "ingest-key",
    method: "post",
    summary: "Row changes from the db agent; each change's id makes a re-sent batch store once",
    tag: "ingest",
    body: { description: "a batch of row changes", name: "AuditIngestBody", schema: auditIngestBodySchema },
    responses: { 200: { description: "stored, except the changes listed as rejected (each refused alone)", name: "AuditIngestResponse", schema: auditIngestResponseSchema }, 400: badRequest, 401: unauthorized, 408: bodyTimeout, 503: unavailable },
  },
  {
    path: "/api/v1/ingest/locks",
    access: "ingest-key",
    method: "post",
    summary: "Lock waits, deadlocks and database activity samples (idle-in-transaction sessions, table statistics) from the db agent",
    tag: "ingest",
    body: { description: "a batch of lock events and activity samples", name: "LockIngestBody", schema: lockIngestBodySchema },
    responses: { 200: { description: "stored, except the events listed as rejected (each refused alone)", name: "LockIngestResponse", schema: lockIngestResponseSchema }, 400: badRequest, 401: unauthorized, 408: bodyTimeout, 503: unavailable },
  },
  {
    path: "/api/v1/ingest-keys",
    access: "admin",
    summary: "Stored ingest keys (never their secrets)",
    tag: "ingest",
    responses: { 200: { description: "every key, newest first", name: "IngestKeyList", schema: ingestKeyListSchema } },
  },
  {
    path: "/api/v1/ingest-keys",
    access: "admin",
    method: "post",
    summary: "Create an ingest key; the secret is in this response only",
    tag: "ingest",
    body: { description: "the key's name", name: "CreateIngestKeyBody", schema: createIngestKeyBodySchema },
    responses: { 200: { description: "the new key with its secret", name: "CreatedIngestKey", schema: createdIngestKeySchema }, 400: badRequest },
  },
  {
    path: "/api/v1/ingest-keys/{id}",
    access: "admin",
    method: "delete",
    summary: "Revoke an ingest key",
    tag: "ingest",
    pathParams: z.object({ id: z.uuid("must be a UUID") }),
    responses: { 200: { description: "the revoked key", name: "IngestKey", schema: ingestKeySchema }, 400: badRequest, 404: notFound },
  },
  otlpEndpoint("traces", "ExportTraceServiceRequest"),
  otlpEndpoint("metrics", "ExportMetricsServiceRequest"),
  otlpEndpoint("logs", "ExportLogsServiceRequest"),
  {
    path: "/api/v1/traces/{traceId}/compact",
    access: "viewer",
    summary: "One trace in the compact columnar form the trace page reads (large traces, fast)",
    tag: "traces",
    pathParams: traceIdPathSchema,
    responses: { 200: { description: "the trace, column by column", name: "CompactTrace", schema: compactTraceSchema }, 400: badRequest, 404: notFound },
  },
  {
    path: "/api/v1/traces/{traceId}/spans/{spanId}",
    access: "viewer",
    summary: "One span in full: attributes, events, links and resource",
    tag: "traces",
    pathParams: traceSpanPathSchema,
    responses: { 200: { description: "the span", name: "TraceSpanResponse", schema: traceSpanResponseSchema }, 400: badRequest, 404: notFound },
  },
  {
    path: "/api/v1/traces/{traceId}/find",
    access: "viewer",
    summary: "Spans of one trace whose name, service, status message, attributes or events contain the text",
    tag: "traces",
    pathParams: traceIdPathSchema,
    query: findInTraceQuerySchema,
    responses: { 200: { description: "matching spans", name: "FindInTraceResponse", schema: findInTraceResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/span-attributes",
    access: "viewer",
    summary: "Span attribute keys and frequent values seen in a window, for search suggestions",
    tag: "traces",
    query: spanAttributesQuerySchema,
    responses: { 200: { description: "keys with values", name: "SpanAttributesResponse", schema: spanAttributesResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/openapi.json",
    access: "viewer",
    summary: "This document",
    tag: "health",
    responses: { 200: { description: "the OpenAPI 3.1 document", name: "OpenApiDocument", schema: z.record(z.string(), z.unknown()) } },
  },
  {
    path: "/api/auth/sign-in",
    access: "public",
    method: "post",
    summary: "Sign in with e-mail and password; sets the session cookie. Failed attempts are limited per account and per address",
    tag: "accounts",
    body: { description: "e-mail and password", name: "SignInBody", schema: signInBodySchema },
    responses: {
      200: { description: "signed in; the Set-Cookie header carries the session", name: "SignedIn", schema: signedInResponseSchema },
      400: badRequest,
      401: { description: "wrong e-mail or password", name: "ErrorResponse", schema: errorResponseSchema },
      403: { description: "the account is deactivated, or the request came from another site", name: "ErrorResponse", schema: errorResponseSchema },
      429: { description: "too many failed attempts; retry after Retry-After", name: "ErrorResponse", schema: errorResponseSchema },
    },
  },
  {
    path: "/api/auth/sign-out",
    access: "public",
    method: "post",
    summary: "End the session of the cookie sent, everywhere",
    tag: "accounts",
    responses: { 200: { description: "signed out", name: "SignedOut", schema: z.object({ signedOut: z.literal(true) }) } },
  },
  {
    path: "/api/auth/setup",
    access: "public",
    method: "post",
    summary: "Create the first admin with the one-time setup token `npm start` printed; signs them in",
    tag: "accounts",
    body: { description: "the setup token and the admin's e-mail, name and password", name: "SetupBody", schema: setupBodySchema },
    responses: {
      200: { description: "the admin, signed in", name: "SignedIn", schema: signedInResponseSchema },
      400: badRequest,
      403: { description: "the token is not valid", name: "ErrorResponse", schema: errorResponseSchema },
      409: { description: "an admin exists already", name: "ErrorResponse", schema: errorResponseSchema },
    },
  },
  {
    path: "/api/auth/accept-invite",
    access: "public",
    method: "post",
    summary: "Set a password through an invite link's token; signs the user in",
    tag: "accounts",
    body: { description: "the invite token and the new password", name: "AcceptInviteBody", schema: acceptInviteBodySchema },
    responses: {
      200: { description: "the user, signed in", name: "SignedIn", schema: signedInResponseSchema },
      400: badRequest,
      403: { description: "the link is not valid or has expired", name: "ErrorResponse", schema: errorResponseSchema },
    },
  },
  {
    path: "/api/v1/me",
    access: "viewer",
    summary: "Who the caller is: the signed-in user, or the API token's name and role",
    tag: "accounts",
    responses: { 200: { description: "the caller", name: "Me", schema: meResponseSchema } },
  },
  {
    path: "/api/v1/users",
    access: "admin",
    summary: "Every user with role and status (never password hashes)",
    tag: "accounts",
    responses: { 200: { description: "users, active first", name: "UserList", schema: userListSchema } },
  },
  {
    path: "/api/v1/users",
    access: "admin",
    method: "post",
    summary: "Invite a user: the answer carries a one-time link through which they set their password",
    tag: "accounts",
    body: { description: "e-mail, name and role", name: "CreateUserBody", schema: createUserBodySchema },
    responses: {
      200: { description: "the user and the invite link", name: "CreatedUser", schema: createdUserSchema },
      400: badRequest,
      409: { description: "a user with this e-mail exists", name: "ErrorResponse", schema: errorResponseSchema },
    },
  },
  {
    path: "/api/v1/users/{id}",
    access: "admin",
    method: "patch",
    summary: "Change a user's name or role, or deactivate (ends their sessions) and reactivate them",
    tag: "accounts",
    pathParams: userIdPathSchema,
    body: { description: "any of name, role, active", name: "UpdateUserBody", schema: updateUserBodySchema },
    responses: {
      200: { description: "the user", name: "User", schema: userSchema },
      400: badRequest,
      404: notFound,
      409: { description: "the last active admin cannot be demoted or deactivated", name: "ErrorResponse", schema: errorResponseSchema },
    },
  },
  {
    path: "/api/v1/api-tokens",
    access: "admin",
    summary: "API tokens (never their secrets)",
    tag: "accounts",
    responses: { 200: { description: "every token, newest first", name: "ApiTokenList", schema: apiTokenListSchema } },
  },
  {
    path: "/api/v1/api-tokens",
    access: "admin",
    method: "post",
    summary: "Create an API token with a role and an expiry; the secret is in this response only",
    tag: "accounts",
    body: { description: "name, role and days until it expires (null: never)", name: "CreateApiTokenBody", schema: createApiTokenBodySchema },
    responses: { 200: { description: "the new token with its secret", name: "CreatedApiToken", schema: createdApiTokenSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/api-tokens/{id}",
    access: "admin",
    method: "delete",
    summary: "Revoke an API token; it is refused from the next request on",
    tag: "accounts",
    pathParams: apiTokenIdPathSchema,
    responses: { 200: { description: "the revoked token", name: "ApiToken", schema: apiTokenSchema }, 400: badRequest, 404: notFound },
  },
  {
    path: "/api/v1/activity",
    access: "admin",
    summary: "Sightline's own audit log: sign-ins and failures, user, role, key and token changes, newest first",
    tag: "accounts",
    query: activityQuerySchema,
    responses: { 200: { description: "matching events", name: "ActivityResponse", schema: activityResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/dashboards",
    access: "viewer",
    summary: "Dashboards (without their panels), provisioned ones first",
    tag: "dashboards",
    responses: { 200: { description: "every dashboard", name: "DashboardList", schema: dashboardListSchema } },
  },
  {
    path: "/api/v1/dashboards",
    access: "editor",
    method: "post",
    summary: "Create a dashboard; layout items of unknown panels are dropped, panels without one placed below",
    tag: "dashboards",
    body: { description: "title, description, panels and their layout", name: "CreateDashboardBody", schema: createDashboardBodySchema },
    responses: { 200: { description: "the new dashboard (version 1)", name: "Dashboard", schema: dashboardSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/dashboards/{id}",
    access: "viewer",
    summary: "One dashboard with its panels and layout",
    tag: "dashboards",
    pathParams: dashboardIdPathSchema,
    responses: { 200: { description: "the dashboard", name: "Dashboard", schema: dashboardSchema }, 400: badRequest, 404: notFound },
  },
  {
    path: "/api/v1/dashboards/{id}",
    access: "editor",
    method: "put",
    summary: "Replace a dashboard, if `version` is still the stored one",
    tag: "dashboards",
    pathParams: dashboardIdPathSchema,
    body: { description: "the whole dashboard and the version it was read at", name: "UpdateDashboardBody", schema: updateDashboardBodySchema },
    responses: {
      200: { description: "the dashboard, its version one higher", name: "Dashboard", schema: dashboardSchema },
      400: badRequest,
      404: notFound,
      409: { description: "saved by someone else since `version` (reload it), or provisioned from a file (duplicate it)", name: "ErrorResponse", schema: errorResponseSchema },
    },
  },
  {
    path: "/api/v1/dashboards/{id}",
    access: "editor",
    method: "delete",
    summary: "Delete a dashboard",
    tag: "dashboards",
    pathParams: dashboardIdPathSchema,
    responses: {
      200: { description: "deleted", name: "DeletedDashboard", schema: deletedDashboardSchema },
      400: badRequest,
      404: notFound,
      409: { description: "provisioned from a file: remove the file instead", name: "ErrorResponse", schema: errorResponseSchema },
    },
  },
  {
    path: "/api/v1/dashboards/{id}/duplicate",
    access: "editor",
    method: "post",
    summary: "Copy a dashboard (provisioned ones included) into a new, editable one",
    tag: "dashboards",
    pathParams: dashboardIdPathSchema,
    responses: { 200: { description: "the copy", name: "Dashboard", schema: dashboardSchema }, 400: badRequest, 404: notFound },
  },
];
