import { z } from "zod";
import { hasNoNul, limitParam, NUL_MESSAGE, refineTimeRange, timeRangeShape } from "@/lib/schemas/common";
import { AUDIT_OPS } from "@/lib/schemas/audit";

// Consistency rules (issue 14): what must follow what in the audited data. One contract for the
// evaluator, the routes, the pages and the OpenAPI document.
//   GET/POST /api/v1/consistency/rules, GET/PUT/DELETE /api/v1/consistency/rules/{id},
//   GET /api/v1/consistency/violations, GET /api/v1/consistency/violations/{id}.
//
// A rule is data: a `follows` rule says "when a change like TRIGGER commits, a change like each
// EXPECTATION, linked to it by columns (or by the same transaction or request), commits within
// N seconds"; an `at-most` rule says "changes like MATCH happen at most MAX times per key".
// Conditions are read from the row as it was after the change (before, for a DELETE), except
// where `side` says otherwise.

const name = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`).refine(hasNoNul, NUL_MESSAGE);
const column = name(63).regex(/^[A-Za-z_][A-Za-z0-9_$]*$/, "must be a column name (letters, digits, _ and $, not starting with a digit)");
const table = name(127).regex(/^([A-Za-z_][A-Za-z0-9_$]*\.)?[A-Za-z_][A-Za-z0-9_$]*$/, "must be a table name, optionally schema-qualified (schema.table)");
const scalar = z.union([z.string().max(1_000, "must be at most 1000 characters").refine(hasNoNul, NUL_MESSAGE), z.number(), z.boolean(), z.null()]);
const seconds = (max: number) => z.number().int("must be whole seconds").min(1, "must be at least 1 second").max(max, `must be at most ${max} seconds`);

export const conditionSchema = z.discriminatedUnion("op", [
  z.object({ column, op: z.literal("eq"), value: scalar, side: z.enum(["before", "after"]).optional() }).describe("the column equals the value"),
  z.object({ column, op: z.literal("ne"), value: scalar, side: z.enum(["before", "after"]).optional() }).describe("the column differs from the value"),
  z.object({ column, op: z.literal("in"), values: z.array(scalar).min(1, "must name at least one value").max(50, "at most 50 values"), side: z.enum(["before", "after"]).optional() }),
  z.object({ column, op: z.literal("is-null"), side: z.enum(["before", "after"]).optional() }),
  z.object({ column, op: z.literal("not-null"), side: z.enum(["before", "after"]).optional() }),
  z.object({ column, op: z.literal("becomes"), value: scalar }).describe("after the change the column equals the value, and before it did not (an INSERT with that value counts)"),
  z.object({ column, op: z.literal("changed") }).describe("the change wrote a different value into the column"),
  z.object({ column, op: z.literal("increases") }).describe("a number column's value went up"),
  z.object({ column, op: z.literal("decreases") }).describe("a number column's value went down"),
], { error: "op must be one of eq, ne, in, is-null, not-null, becomes, changed, increases, decreases" });
export type Condition = z.infer<typeof conditionSchema>;

export const changeMatchSchema = z.object({
  table,
  ops: z.array(z.enum(AUDIT_OPS, { error: "must be INSERT, UPDATE or DELETE" })).min(1, "name at least one operation").default(["INSERT", "UPDATE", "DELETE"]),
  where: z.array(conditionSchema).max(10, "at most 10 conditions").default([]),
  database: name(200).optional().describe("only changes from this monitored database; any when absent"),
});
export type ChangeMatch = z.infer<typeof changeMatchSchema>;

export const linkSchema = z.union([
  z.object({ column, equalsTriggerColumn: column }).describe("the expected row's column equals the trigger row's column"),
  z.object({ same: z.enum(["transaction", "trace"], { error: "must be transaction or trace" }) }).describe("made by the same database transaction, or the same request (trace)"),
]);
export type Link = z.infer<typeof linkSchema>;

export const expectationSchema = z.object({
  label: name(200).describe("the missing step in words, e.g. \"order becomes PAID\""),
  match: changeMatchSchema,
  link: z.array(linkSchema).min(1, "link the expected change to the trigger by at least one column, or by the same transaction or trace").max(5, "at most 5 links"),
  count: z.enum(["at-least-one", "exactly-one"], { error: "must be at-least-one or exactly-one" }).default("at-least-one"),
  lookBackSeconds: z.number().int().min(0).max(86_400, "must be at most 86400 seconds").default(0).describe("an expected change up to this long before the trigger also counts"),
  onlyIf: z.array(conditionSchema).max(10).default([]).describe("the step is expected only when the trigger row meets these"),
});
export type Expectation = z.infer<typeof expectationSchema>;

export const ruleDefinitionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("follows"),
    trigger: changeMatchSchema,
    expect: z.array(expectationSchema).min(1, "expect at least one step").max(5, "at most 5 steps"),
    withinSeconds: seconds(86_400).describe("the deadline after the trigger's commit"),
  }),
  z.object({
    kind: z.literal("at-most"),
    match: changeMatchSchema,
    per: z.array(column).min(1, "name the key columns the count is kept per").max(5, "at most 5 key columns"),
    max: z.number().int().min(1, "must be at least 1").max(1_000),
    withinSeconds: seconds(30 * 86_400).describe("how long a key's count is kept"),
  }),
], { error: "kind must be follows or at-most" });
export type RuleDefinition = z.infer<typeof ruleDefinitionSchema>;

export const ruleBodySchema = z.object({
  name: name(200),
  description: z.string().trim().max(2_000, "must be at most 2000 characters").refine(hasNoNul, NUL_MESSAGE).default(""),
  enabled: z.boolean().default(true),
  definition: ruleDefinitionSchema,
});
export type RuleBody = z.infer<typeof ruleBodySchema>;

const ms = z.number().describe("Unix milliseconds");

export const ruleIdPathSchema = z.object({ id: z.uuid("must be a rule id (UUID)") });
export const violationIdPathSchema = z.object({ id: z.string().regex(/^[1-9]\d{0,17}$/, "must be a violation id (a positive whole number)") });

export const ruleSchema = ruleBodySchema.extend({
  id: z.uuid(),
  builtIn: z.boolean().describe("shipped with the demo shop"),
  createdAtMs: ms,
  updatedAtMs: ms,
  openViolations: z.number().int(),
  violationsLast24h: z.number().int(),
});
export type Rule = z.infer<typeof ruleSchema>;
export const ruleListSchema = z.object({ rules: z.array(ruleSchema) });

/**
 * What became of one trigger (or one at-most key). `waiting`: before its deadline; `met`: every
 * step arrived in time; `missing`: a step is past its deadline (open violation); `late`: a
 * missing step arrived after the deadline (resolved, late by lateMs); `duplicate`: an
 * exactly-one step arrived more than once, or an at-most key went over its count (open).
 */
export const CHECK_STATES = ["waiting", "met", "missing", "late", "duplicate"] as const;
export type CheckState = (typeof CHECK_STATES)[number];
export const VIOLATION_STATES = ["missing", "late", "duplicate"] as const;

/** An audited change as a violation shows it: enough to draw the row's story and link the request. */
export const changeRefSchema = z.object({
  id: z.string(),
  committedAtMs: ms,
  database: z.string(),
  table: z.string(),
  op: z.enum(AUDIT_OPS),
  pk: z.record(z.string(), z.unknown()),
  changedColumns: z.array(z.string()),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  traceId: z.string().nullable(),
  spanId: z.string().nullable(),
  txid: z.string().nullable(),
});
export type ChangeRef = z.infer<typeof changeRefSchema>;

export const violationSummarySchema = z.object({
  id: z.string(),
  ruleId: z.uuid(),
  ruleName: z.string(),
  state: z.enum(VIOLATION_STATES),
  open: z.boolean().describe("missing or duplicate; a late one is resolved"),
  /** the trigger's commit time (at-most: the first counted change's) */
  startedAtMs: ms,
  deadlineAtMs: ms,
  detectedAtMs: ms,
  resolvedAtMs: ms.nullable(),
  lateMs: z.number().nullable().describe("how late the step arrived, for a late violation"),
  /** the step that is missing, late or duplicated, in the rule's words */
  step: z.string(),
  /** the trigger row's table and key, e.g. payments {"id":"42"} */
  table: z.string(),
  pk: z.record(z.string(), z.unknown()),
  traceIds: z.array(z.string()),
});
export type ViolationSummary = z.infer<typeof violationSummarySchema>;

export const violationsQuerySchema = z
  .object({
    ...timeRangeShape,
    rule: z.uuid("must be a rule id (UUID)").optional(),
    state: z.enum(["open", "resolved", "all"], { error: "must be open, resolved or all" }).default("all"),
    limit: limitParam(200, 1_000),
  })
  .superRefine(refineTimeRange)
  .describe("Violations detected in the window (default: the last 24 hours), newest first; open ones of any age are always included when state is open.");

export const violationListSchema = z.object({
  violations: z.array(violationSummarySchema),
  /** violations detected per rule per bucket over the window, for the counts-over-time chart */
  series: z.array(z.object({ ruleId: z.uuid(), ruleName: z.string(), points: z.array(z.tuple([ms, z.number()])) })),
  bucketMs: z.number(),
  truncated: z.boolean(),
});

/** One violation's story, in order: the request that made the trigger, the rows, the missing step. */
export const violationDetailSchema = z.object({
  violation: violationSummarySchema,
  rule: ruleSchema,
  trigger: changeRefSchema.nullable().describe("null for an at-most violation"),
  steps: z.array(
    z.object({
      label: z.string(),
      state: z.enum(["waiting", "met", "missing", "late", "duplicate", "not-expected"]),
      deadlineAtMs: ms,
      changes: z.array(changeRefSchema).describe("the changes that made the step (two or more: duplicate)"),
    }),
  ),
  /** every change of the rows involved around the window, oldest first (the rows' history) */
  history: z.array(changeRefSchema),
  /** the requests behind the changes: which did what */
  traces: z.array(z.object({ traceId: z.string(), role: z.enum(["trigger", "step", "history"]), label: z.string() })),
});
export type ViolationDetail = z.infer<typeof violationDetailSchema>;
