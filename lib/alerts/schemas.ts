import { z } from "zod";
import { hasNoNul, limitParam, NUL_MESSAGE, refineTimeRange, timeRangeShape } from "@/lib/schemas/common";
import { METRIC_AGGS } from "@/lib/schemas/metrics";
import { incidentSeveritySchema } from "@/lib/incidents/schemas";

// Alert rules, contact points, silences and alert history (issue 17). One contract for the
// evaluator, the notifier, the routes, the pages and the OpenAPI document.
//   GET/POST /api/v1/alerts/rules, GET/PUT/DELETE /api/v1/alerts/rules/{id}
//   GET /api/v1/alerts/events                      (history: pending, firing, resolved, by rule)
//   GET/POST /api/v1/alerts/contacts, GET/PUT/DELETE /api/v1/alerts/contacts/{id}
//   POST /api/v1/alerts/contacts/{id}/test          (sends one test notification)
//   GET/POST /api/v1/alerts/silences, DELETE /api/v1/alerts/silences/{id} (ends it now)
//
// A rule watches one source, reduced to one number per evaluation (`value`), compared with the
// threshold. A rule whose condition holds goes pending; held for `forSeconds` it fires (with 0
// it fires at once); when the condition stops holding it resolves. Every change of state is an
// event, kept as history. A firing or resolved event notifies the rule's contact points, and
// those whose label matchers its labels satisfy (each once), unless a silence matching the rule
// covers that moment. With `openIncident`, firing opens an incident
// (window and evidence attached) and resolving notes it on the incident's timeline.

const text = (max: number, min = 1) =>
  z.string().trim().min(min, "must not be empty").max(max, `must be at most ${max} characters`).refine(hasNoNul, NUL_MESSAGE);
const seconds = (min: number, max: number) =>
  z.number().int("must be whole seconds").min(min, `must be at least ${min} seconds`).max(max, `must be at most ${max} seconds`);
const ms = z.number().describe("Unix milliseconds");

/** How long the source is looked back over for one value (e.g. error % over the last 5 minutes). */
const windowSeconds = seconds(60, 7 * 86_400).default(300).describe("the value is computed over this many seconds before the evaluation");

export const RED_MEASURES = ["error-percent", "timeout-percent", "p50-ms", "p95-ms", "p99-ms", "requests-per-second"] as const;
export const DATABASE_MEASURES = ["lock-waits", "deadlocks", "idle-in-transaction-seconds", "connections-percent-of-max"] as const;
export const REDUCERS = ["last", "avg", "min", "max"] as const;

export const alertSourceSchema = z.discriminatedUnion(
  "kind",
  [
    z
      .object({
        kind: z.literal("metric"),
        /** the explorer's query: name, label filters, aggregation (the explorer's URL `q` holds the same fields) */
        name: text(255),
        filter: z.array(text(1_000).regex(/^[^=]+=/, "must be key=value")).max(20).default([]),
        agg: z.enum(METRIC_AGGS).optional(),
        /** each group is its own alert instance when set; one value for all series when empty */
        groupBy: z.array(text(255)).max(5).default([]),
        reducer: z.enum(REDUCERS).default("avg").describe("how the query's points in the window become one value"),
        windowSeconds,
      })
      .describe("a metric query, as built in the metrics explorer"),
    z
      .object({
        kind: z.literal("red"),
        service: text(255),
        operation: text(1_000).optional().describe("span name; the whole service when absent"),
        measure: z.enum(RED_MEASURES, { error: `must be one of ${RED_MEASURES.join(", ")}` }),
        windowSeconds,
        minRequests: z.number().int().min(0).max(1_000_000).default(10).describe("fewer requests in the window: no value (the rule stays as it is)"),
      })
      .describe("a service's or operation's rate, errors, timeouts or latency, from the per-minute rollups"),
    z
      .object({
        kind: z.literal("consistency"),
        ruleId: z.uuid("must be a consistency rule id (UUID)").optional().describe("any consistency rule when absent"),
        windowSeconds,
      })
      .describe("violations of consistency rules opened in the window (value = their count)"),
    z
      .object({
        kind: z.literal("database"),
        database: text(200).optional().describe("a monitored database; any when absent"),
        measure: z.enum(DATABASE_MEASURES, { error: `must be one of ${DATABASE_MEASURES.join(", ")}` }),
        windowSeconds,
      })
      .describe("lock waits or deadlocks in the window, the oldest idle-in-transaction session's age, or connections as a % of max_connections"),
    z
      .object({
        kind: z.literal("absence"),
        service: text(255),
        operation: text(1_000).optional().describe("span name (a batch job's root span: its name or job.name); any operation when absent"),
        successOnly: z.boolean().default(false).describe("count only spans that did not fail (\"has not reported a successful run\")"),
      })
      .describe("value = seconds since the last matching span was seen; fires above the threshold (e.g. 900 = nothing for 15 minutes)"),
    z
      .object({
        kind: z.literal("slo-burn"),
        sloId: z.uuid("must be an SLO id (UUID)"),
        longWindowSeconds: seconds(300, 7 * 86_400),
        shortWindowSeconds: seconds(60, 86_400),
      })
      .describe("an SLO's error-budget burn rate; value = the smaller of the burn rates over the long and short windows (both must exceed the threshold)"),
    z
      .object({
        kind: z.literal("job"),
        job: text(255).describe("the batch job's name (job.name, or its root span's name)"),
        service: text(255).optional(),
        graceSeconds: seconds(0, 86_400).default(120).describe("how late the next run may be before it counts as missed"),
      })
      .describe("a batch job: value = 1 when its last run failed or its next expected run is missed by more than the grace, else 0 (threshold 0.5, op above)"),
  ],
  { error: "kind must be metric, red, consistency, database, absence, slo-burn or job" },
);
export type AlertSource = z.infer<typeof alertSourceSchema>;
export type AlertSourceKind = AlertSource["kind"];

export const conditionSchema = z.object({
  op: z.enum(["above", "below"], { error: "must be above or below" }),
  threshold: z.number().finite("must be a finite number"),
});
export type AlertCondition = z.infer<typeof conditionSchema>;

export const ALERT_LABEL_KEY = /^[A-Za-z_][A-Za-z0-9_.-]{0,62}$/;
// Keys are checked in a refinement rather than by the record's key schema: zod reports a bad
// record key only as "Invalid key in record", and a 400 should say what a key may be.
export const alertLabelsSchema = z
  .record(z.string(), text(200))
  .superRefine((labels, ctx) => {
    for (const key of Object.keys(labels)) {
      if (!ALERT_LABEL_KEY.test(key)) ctx.addIssue({ code: "custom", path: [key], message: "label keys are letters, digits, _ . - (not starting with a digit)" });
    }
  })
  .refine((labels) => Object.keys(labels).length <= 20, "at most 20 labels")
  .meta({ propertyNames: { type: "string", pattern: ALERT_LABEL_KEY.source } }) // the key rule, kept in the OpenAPI document
  .default({})
  .describe("routing labels, e.g. {\"team\":\"payments\",\"severity\":\"critical\"}");

export const alertRuleBodySchema = z.object({
  name: text(200),
  description: text(2_000, 0).default(""),
  enabled: z.boolean().default(true),
  source: alertSourceSchema,
  condition: conditionSchema,
  forSeconds: seconds(0, 86_400).default(0).describe("how long the condition must hold before the rule fires (pending until then)"),
  everySeconds: seconds(10, 3_600).default(60).describe("how often the server evaluates the rule"),
  labels: alertLabelsSchema,
  contactIds: z.array(z.uuid("must be a contact point id (UUID)")).max(10).default([]),
  openIncident: z.boolean().default(false).describe("firing opens an incident; resolving notes it there"),
  incidentSeverity: incidentSeveritySchema.default("major"),
});
export type AlertRuleBody = z.infer<typeof alertRuleBodySchema>;

export const ALERT_STATES = ["ok", "pending", "firing", "no-data"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const alertRuleSchema = alertRuleBodySchema.extend({
  id: z.uuid(),
  sloId: z.uuid().nullable().describe("set for the burn-rate rules an SLO created (edited through the SLO)"),
  createdAtMs: ms,
  updatedAtMs: ms,
  state: z.enum(ALERT_STATES),
  stateSinceMs: ms.nullable(),
  lastValue: z.number().nullable(),
  lastEvaluatedAtMs: ms.nullable(),
  lastError: z.string().nullable().describe("why the last evaluation gave no value (e.g. the metric does not exist)"),
  silencedUntilMs: ms.nullable().describe("a silence covers the rule now, until then"),
  incidentId: z.string().nullable().describe("the incident the current firing opened"),
  /** the page that shows the problem (service page, metrics explorer, SLO, job, database, consistency) */
  link: z.string(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const alertRuleListSchema = z.object({ rules: z.array(alertRuleSchema).describe("firing first, then pending, then by name") });
export const alertRuleIdPathSchema = z.object({ id: z.uuid("must be an alert rule id (UUID)") });

export const ALERT_EVENT_KINDS = ["pending", "firing", "resolved", "no-data", "error"] as const;
export const alertEventSchema = z.object({
  id: z.string(),
  ruleId: z.uuid(),
  ruleName: z.string(),
  kind: z.enum(ALERT_EVENT_KINDS),
  atMs: ms,
  value: z.number().nullable(),
  threshold: z.number(),
  silenced: z.boolean().describe("a silence suppressed its notifications"),
  incidentId: z.string().nullable(),
  notifications: z.array(
    z.object({
      contactId: z.uuid(),
      contactName: z.string(),
      status: z.enum(["pending", "sent", "failed"]).describe("failed = gave up after the last retry"),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      sentAtMs: ms.nullable(),
    }),
  ),
});
export type AlertEvent = z.infer<typeof alertEventSchema>;
export const alertEventsQuerySchema = z
  .object({ ...timeRangeShape, rule: z.uuid("must be an alert rule id (UUID)").optional(), limit: limitParam(200, 1_000) })
  .superRefine(refineTimeRange)
  .describe("Events in the window (default: the last 24 hours), newest first.");
export const alertEventListSchema = z.object({ events: z.array(alertEventSchema), truncated: z.boolean() });

// Contact points. A webhook gets a JSON POST signed with HMAC-SHA256 of `${timestamp}.${body}`
// under the contact's secret: `X-Sightline-Signature: t=<unix seconds>,v1=<hex>`, and
// `X-Sightline-Delivery: <notification id>` (the same on every retry, so a receiver can drop a
// repeat). Failed deliveries (network error, 5xx, 429) are retried with exponential backoff
// (10 s, 30 s, 90 s, … up to 8 attempts over about three hours). E-mail goes through the SMTP server
// in SIGHTLINE_SMTP_URL (smtp://user:pass@host:port or smtps://…), from SIGHTLINE_SMTP_FROM.
//
// Routing by labels: a contact point's `matchers` (every one must equal one of the rule's labels)
// make it receive the firing and resolved notifications of every matching rule as well as those of
// the rules that pick it; one notification per event and contact point either way, and a silence
// covering the rule still holds them all back. Empty matchers route nothing.
const contactMatchersSchema = alertLabelsSchema.describe(
  'label matchers, e.g. {"team":"payments"}: the rules whose labels include every one notify this contact point too (empty: only the rules that pick it)',
);
export const contactBodySchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("webhook"),
      name: text(200),
      url: z.url({ protocol: /^https?$/, error: "must be an http or https URL" }).max(2_000),
      /** write-only; generated when absent on create, kept when absent on update */
      secret: z.string().min(16, "must be at least 16 characters").max(200).optional(),
      matchers: contactMatchersSchema,
    }),
    z.object({
      kind: z.literal("email"),
      name: text(200),
      to: z.array(z.email("must be an e-mail address")).min(1, "name at least one address").max(20),
      matchers: contactMatchersSchema,
    }),
  ],
  { error: "kind must be webhook or email" },
);
export type ContactBody = z.infer<typeof contactBodySchema>;
export const contactSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["webhook", "email"]),
  name: z.string(),
  url: z.string().nullable(),
  to: z.array(z.string()),
  matchers: z.record(z.string(), z.string()).describe("label matchers routing matching rules' notifications here (empty: none)"),
  createdAtMs: ms,
  /** returned once, by the create that generated it */
  secret: z.string().optional(),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactListSchema = z.object({ contacts: z.array(contactSchema), smtpConfigured: z.boolean() });
export const contactIdPathSchema = z.object({ id: z.uuid("must be a contact point id (UUID)") });

/** The webhook's JSON body (documented in the OpenAPI document as `AlertNotification`). */
export const alertNotificationSchema = z.object({
  id: z.string().describe("the notification id, the same on every retry (also in X-Sightline-Delivery)"),
  state: z.enum(["firing", "resolved"]),
  rule: z.object({ id: z.uuid(), name: z.string(), labels: z.record(z.string(), z.string()) }),
  summary: z.string().describe("one sentence, e.g. \"error % of checkout (gateway) is 23.5, above 5 for 2 minutes\""),
  value: z.number().nullable(),
  threshold: z.number(),
  startsAtMs: ms.describe("when the rule started firing"),
  endsAtMs: ms.nullable().describe("when it resolved"),
  url: z.string().describe("absolute link to the page that shows the problem"),
  incidentUrl: z.string().nullable(),
  test: z.boolean().describe("true for a contact point's test notification"),
});
export type AlertNotification = z.infer<typeof alertNotificationSchema>;

// Silences: a matcher over rule labels (and optionally one rule), an end time and a reason.
export const silenceBodySchema = z
  .object({
    ruleId: z.uuid("must be an alert rule id (UUID)").optional(),
    matchers: alertLabelsSchema.describe("every label must equal (empty: no label condition)"),
    startsAtMs: ms.optional().describe("default: now"),
    endsAtMs: ms,
    reason: text(500),
  })
  .refine((s) => s.ruleId !== undefined || Object.keys(s.matchers).length > 0, { path: ["matchers"], message: "name a rule or at least one label matcher" })
  .refine((s) => s.endsAtMs > (s.startsAtMs ?? 0), { path: ["endsAtMs"], message: "must be after startsAtMs" });
export type SilenceBody = z.infer<typeof silenceBodySchema>;
export const silenceSchema = z.object({
  id: z.uuid(),
  ruleId: z.uuid().nullable(),
  matchers: z.record(z.string(), z.string()),
  startsAtMs: ms,
  endsAtMs: ms,
  reason: z.string(),
  createdBy: z.string(),
  active: z.boolean(),
});
export type Silence = z.infer<typeof silenceSchema>;
export const silenceListSchema = z.object({ silences: z.array(silenceSchema).describe("active first, then the ended ones of the last 7 days") });
export const silenceIdPathSchema = z.object({ id: z.uuid("must be a silence id (UUID)") });

/** POST /api/v1/alerts/contacts/{id}/test: one test notification, sent at once (retried like any other when it fails). */
export const contactTestResultSchema = z.object({
  notificationId: z.string().describe("also its X-Sightline-Delivery"),
  status: z.enum(["sent", "pending", "failed"]).describe("pending: the first attempt failed and will be retried"),
  error: z.string().nullable().describe("why the attempt failed"),
});
export type ContactTestResult = z.infer<typeof contactTestResultSchema>;
