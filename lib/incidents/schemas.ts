import { z } from "zod";
import { auditRowHistoryResponseSchema, pkParamSchema } from "@/lib/schemas/audit";
import { hasNoNul, NUL_MESSAGE, TIME_RANGE_MESSAGE, traceIdSchema } from "@/lib/schemas/common";
import { TIME_PARAM_RANGE_MS } from "@/lib/schemas/params";
import { compactTraceSchema } from "@/lib/schemas/trace-compact";
import { timeoutReportSchema } from "@/lib/reports/schemas";

// Incidents and their share links (issue 13): the one contract the routes parse with, the pages
// check responses with and the OpenAPI document is generated from.
// GET/POST /api/v1/incidents, GET/PATCH /api/v1/incidents/{id}, POST …/{id}/notes,
// POST …/{id}/evidence, GET/POST …/{id}/share-links, DELETE /api/v1/share-links/{id}.

export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export const INCIDENT_SEVERITIES = ["critical", "major", "minor"] as const;
/** Where an incident was opened from; the page offers the way back. */
export const INCIDENT_SOURCES = ["trace", "report", "service", "chart", "deadlock", "consistency", "alert", "manual"] as const;
export const MAX_EVIDENCE = 50;

export const incidentStatusSchema = z.enum(INCIDENT_STATUSES, { error: "must be investigating, identified, monitoring or resolved" });
export const incidentSeveritySchema = z.enum(INCIDENT_SEVERITIES, { error: "must be critical, major or minor" });
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;
export type IncidentSeverity = z.infer<typeof incidentSeveritySchema>;

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`).refine(hasNoNul, NUL_MESSAGE);
const instantMs = z
  .number()
  .int("must be whole Unix milliseconds")
  .min(TIME_PARAM_RANGE_MS.min, TIME_RANGE_MESSAGE)
  .max(TIME_PARAM_RANGE_MS.max, TIME_RANGE_MESSAGE)
  .meta({ description: "Unix milliseconds" });
/** A page of this site (`/traces/…?from=…`): never another origin, so a stored link cannot lead away. */
const sitePath = z
  .string()
  .max(2_000, "must be at most 2000 characters")
  .regex(/^\/([^/\\\u0000][^\\\u0000]*)?$/, "must be a path on this site, starting with a single / (no backslashes)");

export const filtersSchema = z
  .record(text(100), z.string().max(500, "must be at most 500 characters").refine(hasNoNul, NUL_MESSAGE))
  .refine((f) => Object.keys(f).length <= 20, "at most 20 filters")
  .describe("the filters of the view it was opened from (service, operation, trace id, table, …)");

export const evidenceItemSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("trace"), traceId: traceIdSchema }).describe("a trace; its spans are frozen on resolve"),
  z
    .object({ kind: z.literal("audit"), database: text(200).nullable().default(null), table: text(200), pk: text(1_000).refine((pk) => pkParamSchema.safeParse(pk).success, "must be a JSON object of the key columns or a bare key value").describe("the row's key, as the audit API takes it") })
    .describe("an audited row; its recorded changes are frozen on resolve"),
  z.object({ kind: z.literal("chart"), title: text(200), href: sitePath.describe("the chart's page with its saved query and window") }).describe("a chart (a saved metric query or page link)"),
  z
    .object({ kind: z.literal("report"), service: text(200).nullable().default(null), operation: text(500).nullable().default(null) })
    .describe("the timeout report for the incident's window; frozen on resolve"),
]);
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const createIncidentBodySchema = z
  .object({
    title: text(200),
    severity: incidentSeveritySchema.default("major"),
    status: incidentStatusSchema.exclude(["resolved"], { error: "must be investigating, identified or monitoring (resolve it after opening)" }).default("investigating"),
    owner: text(200).nullable().default(null),
    summary: z.string().trim().max(5_000, "must be at most 5000 characters").refine(hasNoNul, NUL_MESSAGE).default(""),
    windowFromMs: instantMs.describe("when the problem began (the view's window start)"),
    windowToMs: instantMs.describe("the view's window end"),
    source: z.enum(INCIDENT_SOURCES, { error: `must be one of ${INCIDENT_SOURCES.join(", ")}` }).default("manual"),
    filters: filtersSchema.default({}),
    evidence: z.array(evidenceItemSchema).max(MAX_EVIDENCE, `at most ${MAX_EVIDENCE} items`).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.windowToMs <= value.windowFromMs) ctx.addIssue({ code: "custom", path: ["windowToMs"], message: "must be later than windowFromMs" });
  });
export type CreateIncidentBody = z.infer<typeof createIncidentBodySchema>;

export const updateIncidentBodySchema = z
  .object({
    title: text(200).optional(),
    severity: incidentSeveritySchema.optional(),
    status: incidentStatusSchema.optional(),
    owner: text(200).nullable().optional().describe("null: nobody"),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "give at least one of title, severity, status, owner");
export type UpdateIncidentBody = z.infer<typeof updateIncidentBodySchema>;

export const addNoteBodySchema = z.object({ text: text(5_000) });
export const addEvidenceBodySchema = z.object({ item: evidenceItemSchema });
export const createShareLinkBodySchema = z.object({
  expiresInHours: z.number().int("must be whole hours").min(1, "must be at least 1").max(2_160, "must be at most 2160 (90 days)").default(168),
});

export const incidentIdPathSchema = z.object({ id: z.uuid("must be a UUID") });
export const shareLinkIdPathSchema = z.object({ id: z.uuid("must be a UUID") });
export const incidentsQuerySchema = z
  .object({ status: z.enum([...INCIDENT_STATUSES, "open"], { error: "must be open, investigating, identified, monitoring or resolved" }).optional().describe("open: every status but resolved") })
  .describe("Incidents, newest first (at most 500), with MTTR over the last 30 and 90 days.");

const ms = z.number().describe("Unix milliseconds");
const duration = z.number().nullable().describe("milliseconds; null until it has happened");

export const incidentTimesSchema = z.object({
  toDetectMs: z.number().describe("detected − started"),
  toAcknowledgeMs: duration.describe("acknowledged (an owner set, or the status moved past investigating) − detected"),
  toResolveMs: duration.describe("resolved − started"),
});

export const incidentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  severity: incidentSeveritySchema,
  status: incidentStatusSchema,
  owner: z.string().nullable(),
  summary: z.string(),
  window: z.object({ fromMs: ms, toMs: ms }),
  source: z.enum(INCIDENT_SOURCES),
  filters: z.record(z.string(), z.string()),
  detectedAtMs: ms,
  acknowledgedAtMs: ms.nullable(),
  resolvedAtMs: ms.nullable(),
  createdBy: z.string(),
  times: incidentTimesSchema,
});
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

export const incidentEventSchema = z.object({
  id: z.string(),
  atMs: ms,
  author: z.string().nullable(),
  change: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("created") }),
    z.object({ kind: z.literal("note"), text: z.string() }),
    z.object({ kind: z.literal("status"), from: incidentStatusSchema, to: incidentStatusSchema }),
    z.object({ kind: z.literal("severity"), from: incidentSeveritySchema, to: incidentSeveritySchema }),
    z.object({ kind: z.literal("owner"), from: z.string().nullable(), to: z.string().nullable() }),
    z.object({ kind: z.literal("title"), from: z.string(), to: z.string() }),
    z.object({ kind: z.literal("evidence"), item: evidenceItemSchema }),
  ]),
});
export type IncidentEvent = z.infer<typeof incidentEventSchema>;
export type IncidentChange = IncidentEvent["change"];

export const frozenIncidentSchema = z
  .object({
    version: z.literal(1),
    frozenAtMs: ms,
    report: timeoutReportSchema.nullable().describe("the timeout report of the incident's window and filters, as it read when resolved"),
    traces: z.array(z.object({ traceId: z.string(), trace: compactTraceSchema.nullable().describe("null: the trace was no longer stored") })),
    audit: z.array(z.object({ database: z.string().nullable(), table: z.string(), pk: z.string(), changes: auditRowHistoryResponseSchema.shape.changes })),
  })
  .describe("what the incident's evidence read when it was resolved; kept beyond retention");
export type FrozenIncident = z.infer<typeof frozenIncidentSchema>;

export const incidentSchema = incidentSummarySchema.extend({
  events: z.array(incidentEventSchema).describe("oldest first"),
  frozen: frozenIncidentSchema.nullable(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const mttrSchema = z.object({ days: z.number().int(), resolved: z.number().int(), meanToResolveMs: z.number().nullable() });
export type Mttr = z.infer<typeof mttrSchema>;

export const incidentListSchema = z.object({
  incidents: z.array(incidentSummarySchema).describe("newest first"),
  mttr: z.array(mttrSchema).describe("mean time to resolve of incidents resolved in the last 30 and 90 days"),
});
export type IncidentList = z.infer<typeof incidentListSchema>;

export const shareLinkSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  createdBy: z.string(),
  createdAtMs: ms,
  expiresAtMs: ms,
  revokedAtMs: ms.nullable(),
  viewCount: z.number().int(),
  lastViewedAtMs: ms.nullable(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;
export const shareLinkListSchema = z.object({ shareLinks: z.array(shareLinkSchema).describe("newest first") });
export const createdShareLinkSchema = z.object({
  shareLink: shareLinkSchema,
  path: z.string().describe("/share/{token}: shown once; only its SHA-256 is stored"),
});
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;
