import { z } from "zod";
import { FIELD_LIMITS, instantProblem, timeWindow, utf8Bytes } from "@/lib/ingest/field-limits";
import { findNul, jsonDepth, MAX_JSON_DEPTH } from "./params";
import { attributeValueSchema, isWithinTimeRange, keyValueParamSchema, limitParam, nonEmptyParam, NUL_MESSAGE, refineTimeRange, spanIdSchema, TIME_RANGE_MESSAGE, timeParamSchema, timeRangeShape, traceIdSchema } from "./common";

// The row-level audit trail: what the db agent sends (POST /api/v1/ingest/audit) and what
// GET /api/v1/audit/changes answers. One contract for the agent, the store and the UI.

export const AUDIT_OPS = ["INSERT", "UPDATE", "DELETE"] as const;
export type AuditOp = (typeof AUDIT_OPS)[number];

/** Most changes one ingest request may carry; the agent sends at most 500. */
export const MAX_AUDIT_BATCH = 2_000;

const rowSchema = z.record(z.string(), attributeValueSchema).describe("the row as a JSON object, column → value (masked columns already masked in the monitored database)");

/**
 * An ISO-8601 instant with an offset; microseconds are kept (PostgreSQL's resolution). Within
 * the range time parameters have (year 0000 or an offset past 9999 would fail in the store).
 */
const isoInstantFormat = z.iso.datetime({ offset: true });

export const isoInstantSchema = isoInstantFormat
  // NaN: not a datetime at all, which the format check above already reports.
  .refine((text) => Number.isNaN(Date.parse(text)) || isWithinTimeRange(Date.parse(text)), TIME_RANGE_MESSAGE)
  .meta({ example: "2026-11-25T18:10:01.123456Z" });

/**
 * An ingested instant: also within the window every ingest path accepts (from the year 2000 to
 * 24 h ahead of the receiving clock), so one request cannot create a partition per far-off day.
 */
export const ingestInstantSchema = isoInstantFormat.superRefine((text, ctx) => {
  const problem = instantProblem(Date.parse(text), timeWindow());
  if (problem) ctx.addIssue({ code: "custom", message: `${text} ${problem}` });
});

/** A transaction id: xid8 as decimal digits (or a JSON number), stored as bigint. */
const txidSchema = z
  .union([
    z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    z
      .string()
      .regex(/^\d{1,19}$/, "must be decimal digits")
      // zod runs this check even when the pattern failed: BigInt must only see digits.
      .refine((digits) => !/^\d+$/.test(digits) || BigInt(digits) <= FIELD_LIMITS.maxInt64, "must be at most 9223372036854775807 (bigint)"),
  ])
  .transform((v) => String(v));

/**
 * The key of the changed row: scalar column values, small enough to be part of the audit row
 * index beside the table name (a btree entry holds ~2.7 kB; see lib/ingest/field-limits.ts).
 */
const pkSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .superRefine((pk, ctx) => {
    const columns = Object.keys(pk).length;
    if (columns > FIELD_LIMITS.maxPkColumns) ctx.addIssue({ code: "custom", message: `has ${columns} columns, at most ${FIELD_LIMITS.maxPkColumns}` });
    const bytes = utf8Bytes(JSON.stringify(pk));
    if (bytes > FIELD_LIMITS.maxPkJsonBytes) ctx.addIssue({ code: "custom", message: `is ${bytes} bytes of JSON, at most ${FIELD_LIMITS.maxPkJsonBytes}` });
  });

export const auditChangeInputSchema = z
  .object({
    id: z.string().min(1).max(200).describe("stable id from the agent (`<database>:<installation>:<outbox id>`): a re-sent change is stored once"),
    database: z.string().min(1).max(200),
    schema: z.string().min(1).max(200).default("public"),
    table: z.string().min(1).max(200),
    op: z.enum(AUDIT_OPS),
    pk: pkSchema.describe(`primary key columns of the changed row: scalar values, at most ${FIELD_LIMITS.maxPkColumns} columns and ${FIELD_LIMITS.maxPkJsonBytes} bytes of JSON`),
    before: rowSchema.nullable().describe("the row before the change; null for INSERT"),
    after: rowSchema.nullable().describe("the row after the change; null for DELETE"),
    changedColumns: z.array(z.string()).max(2_000).default([]),
    actor: z.string().max(500).nullable().default(null).describe("`sightline.actor` of the writing transaction"),
    dbUser: z.string().max(200).nullable().default(null),
    applicationName: z.string().max(200).nullable().default(null),
    statement: z.string().max(10_000).nullable().default(null).describe("statement text, truncated (literals redacted when the database has masked columns)"),
    txid: txidSchema.nullable().default(null),
    traceId: traceIdSchema.nullable().default(null),
    spanId: spanIdSchema.nullable().default(null),
    committedAt: ingestInstantSchema.describe("commit time of the transaction (see agents/db/README.md for how the agent determines it); from 2000 to 24 h ahead of Sightline's clock"),
  })
  .superRefine((change, ctx) => {
    if (change.op !== "INSERT" && change.before === null) ctx.addIssue({ code: "custom", path: ["before"], message: `is required for ${change.op}` });
    if (change.op !== "DELETE" && change.after === null) ctx.addIssue({ code: "custom", path: ["after"], message: `is required for ${change.op}` });
    if (change.spanId !== null && change.traceId === null) ctx.addIssue({ code: "custom", path: ["spanId"], message: "needs a traceId" });
  });

export type AuditChangeInput = z.infer<typeof auditChangeInputSchema>;

export const auditIngestBodySchema = z.object({
  changes: z.array(auditChangeInputSchema).min(1, "must hold at least one change").max(MAX_AUDIT_BATCH, `must hold at most ${MAX_AUDIT_BATCH} changes`),
});

/** Items of an agent batch refused one by one, as OTLP's partial success reports them. */
export const ingestRejectionsShape = {
  rejected: z.number().int().describe("items refused (each failed its schema or a field limit); the rest were stored"),
  errors: z.array(z.string()).describe("why, for the first few refused items"),
};

export const auditIngestResponseSchema = z.object({
  inserted: z.number().int().describe("changes stored by this request"),
  duplicates: z.number().int().describe("changes already stored (a re-sent batch) and left as they were"),
  ...ingestRejectionsShape,
});

export type AuditIngestResponse = z.infer<typeof auditIngestResponseSchema>;
/** What the store writes report; the handler adds the rejections. */
export type AuditStoreResult = Omit<AuditIngestResponse, "rejected" | "errors">;

export const AUDIT_ORDERS = ["desc", "asc"] as const;

/** `{"id":42}` → match that key exactly; `42` → match a single-column key whose value reads 42. */
export const pkParamSchema = nonEmptyParam.transform((text, ctx) => {
  if (!text.startsWith("{")) return { value: text } as const;
  try {
    const parsed: unknown = JSON.parse(text);
    // Refused here, as the store would refuse them (jsonb holds no NUL; its parser's stack is finite).
    const unstorable = findNul(parsed) ? NUL_MESSAGE : jsonDepth(parsed) > MAX_JSON_DEPTH ? `must not nest deeper than ${MAX_JSON_DEPTH} levels` : null;
    if (unstorable) {
      ctx.addIssue({ code: "custom", message: unstorable });
      return z.NEVER;
    }
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return { object: parsed as Record<string, unknown> } as const;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: "custom", message: `expected a JSON object like {"id":42} or a bare key value, got ${text}` });
  return z.NEVER;
});

/** A transaction id in a query: decimal digits within bigint. */
export const txidParamSchema = z
  .string()
  .regex(/^\d{1,19}$/, "must be decimal digits")
  .refine((digits) => !/^\d+$/.test(digits) || BigInt(digits) <= FIELD_LIMITS.maxInt64, "must be at most 9223372036854775807 (bigint)")
  .meta({ description: "transaction id (xid8) as decimal digits", example: "1234" });

/** The filters of a change search, shared by the JSON listing and the CSV export. */
const auditChangesFilterShape = {
  database: nonEmptyParam.optional().describe("database name as the agent reports it"),
  table: nonEmptyParam.optional().describe("table name, optionally schema-qualified (`public.orders`)"),
  pk: pkParamSchema
    .optional()
    .describe("primary key: a JSON object of the key columns (`{\"id\":42}`), or a bare value matching a single-column key (`42`)"),
  traceId: traceIdSchema.optional(),
  op: z.enum(AUDIT_OPS).optional(),
  column: nonEmptyParam.optional().describe("a column the change wrote (one of its changedColumns)"),
  value: keyValueParamSchema
    .optional()
    .describe("`column=value`: the column's old or new value, as text, is exactly value (masked columns only match their mask)"),
  actor: nonEmptyParam.optional().describe("`sightline.actor` of the writing transaction, exactly"),
  dbUser: nonEmptyParam.optional().describe("database user, exactly"),
  application: nonEmptyParam.optional().describe("`application_name` of the writing session (the service), exactly"),
  txid: txidParamSchema.optional(),
  ...timeRangeShape,
};

const AUDIT_WINDOW_DESCRIPTION =
  "Default window: all time when pk, traceId or txid is given, else the 24 hours before `to` (or now). Changes are ordered by commit time, then by their order in the transaction.";

export const auditChangesQuerySchema = z
  .object({
    ...auditChangesFilterShape,
    limit: limitParam(100, 1_000),
    order: z.enum(AUDIT_ORDERS).default("desc").describe("desc: newest first (default); asc: oldest first, for reading a row's history"),
  })
  .superRefine(refineTimeRange)
  .describe(AUDIT_WINDOW_DESCRIPTION);

export const auditChangesExportQuerySchema = z
  .object({
    ...auditChangesFilterShape,
    limit: limitParam(1_000, 1_000_000),
    order: z.enum(AUDIT_ORDERS).default("desc").describe("desc: newest first (default); asc: oldest first"),
  })
  .superRefine(refineTimeRange)
  .describe(`The same search as GET /api/v1/audit/changes, as CSV (RFC 4180), streamed page by page. ${AUDIT_WINDOW_DESCRIPTION}`);

export type AuditChangesExportQuery = z.infer<typeof auditChangesExportQuerySchema>;

export type AuditChangesQuery = z.infer<typeof auditChangesQuerySchema>;

export const auditChangeSchema = z.object({
  id: z.string(),
  database: z.string(),
  schema: z.string(),
  table: z.string(),
  op: z.enum(AUDIT_OPS),
  pk: rowSchema,
  before: rowSchema.nullable(),
  after: rowSchema.nullable(),
  changedColumns: z.array(z.string()),
  actor: z.string().nullable(),
  dbUser: z.string().nullable(),
  applicationName: z.string().nullable(),
  statement: z.string().nullable(),
  txid: z.number().int().nullable(),
  traceId: z.string().nullable(),
  spanId: z.string().nullable(),
  committedAt: z.string().describe("ISO-8601, UTC, microseconds"),
});

export const auditChangesResponseSchema = z.object({ changes: z.array(auditChangeSchema) });

export type AuditChange = z.infer<typeof auditChangeSchema>;
export type AuditChangesResponse = z.infer<typeof auditChangesResponseSchema>;

// One row's history and its state at a moment (the /audit/<table>/<pk> page).

const auditRowShape = {
  database: nonEmptyParam.optional().describe("database name as the agent reports it (recommended: the same table and key in two databases are two rows)"),
  table: nonEmptyParam.describe("table name, optionally schema-qualified (`public.orders`)"),
  pk: pkParamSchema.describe("primary key: a JSON object of the key columns (`{\"id\":42}`), or a bare value matching a single-column key (`42`)"),
};

/**
 * Where the next page of a row's history starts: after this change, written as its commit time
 * (ISO-8601, which has no "_"), "_", its id.
 */
const rowHistoryCursorSchema = z
  .string()
  .transform((text, ctx) => {
    const split = text.indexOf("_");
    const committedAt = text.slice(0, split);
    if (split > 0 && isoInstantSchema.safeParse(committedAt).success) return { committedAt, id: text.slice(split + 1) };
    ctx.addIssue({ code: "custom", message: "is not a `nextAfter` this API returned (a commit time, \"_\", a change id)" });
    return z.NEVER;
  })
  .meta({ description: "the `nextAfter` of the previous page: the changes after it" });

export const auditRowHistoryQuerySchema = z
  .object({ ...auditRowShape, limit: limitParam(1_000, 5_000), after: rowHistoryCursorSchema.optional() })
  .describe("Every recorded change of one row, oldest first, over all retained time, a page at a time (`limit`, then `after`).");

/** The `after` of the page following the change given. */
export function rowHistoryCursor(change: { committedAt: string; id: string }): string {
  return `${change.committedAt}_${change.id}`;
}

export const auditRequestSchema = z
  .object({
    rootService: z.string().nullable().describe("service of the trace's root span, when Sightline holds it"),
    rootName: z.string().nullable().describe("name of the trace's root span (the request, e.g. `POST /orders`)"),
    spanName: z.string().nullable().describe("name of the span that made the change"),
    startMs: z.number().nullable().describe("start of the trace's root span, Unix ms"),
    endMs: z.number().nullable().describe("end of the trace's root span, Unix ms"),
  })
  .describe("the request behind a change; null when the change carried no trace context");

export const auditRowHistoryResponseSchema = z.object({
  changes: z.array(auditChangeSchema.extend({ request: auditRequestSchema.nullable() })),
  nextAfter: z.string().nullable().describe("the row has more changes: pass this as `after` for the next page; null: this page ends its history"),
});

export type AuditRowHistoryResponse = z.infer<typeof auditRowHistoryResponseSchema>;
export type AuditHistoryChange = AuditRowHistoryResponse["changes"][number];

export const auditRowAsOfQuerySchema = z
  .object({ ...auditRowShape, at: timeParamSchema.describe("the moment: the row after every change committed up to the end of this millisecond") })
  .describe("The row as it was at a moment, read from the recorded changes around it (masked columns stay masked).");

const rowValuesSchema = rowSchema.nullable();

export const auditRowAsOfResponseSchema = z.object({
  state: z.enum(["present", "absent", "unknown"]).describe("absent: deleted, or not yet inserted; unknown: no change of this row is recorded"),
  row: rowValuesSchema,
  basis: z.object({ changeId: z.string(), side: z.enum(["after", "before"]) }).nullable().describe("the change the row is read from"),
  unrecorded: z
    .array(z.object({ column: z.string(), next: attributeValueSchema.nullable() }))
    .describe("columns written later without a recorded change (ignored columns): the value shown may be stale; `next` is the one seen at the next change"),
});

export type AuditRowAsOfResponse = z.infer<typeof auditRowAsOfResponseSchema>;
