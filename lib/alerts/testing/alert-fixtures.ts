import type pg from "pg";
import type { HistogramPointRecord, NumberPointRecord } from "@/lib/ingest/otlp/model";
import { storeMetrics } from "@/lib/ingest/store/store-metrics";
import { storeTraces } from "@/lib/ingest/store/store-traces";
import { makeResource, makeSpan } from "@/lib/testing/make-records";
import { createAlertRule } from "../create-alert-rule";
import { evaluateAlerts } from "../evaluate-alerts";
import { alertRuleBodySchema } from "../schemas";

// Shared by the alerts integration tests: rules created through the real create path and made
// due at the test's clock, spans stored through the real store (rollups included), and the
// evaluator driven at chosen instants.

export const BASE_URL = "http://sightline.test";
export const MINUTE = 60_000;

/** A minute boundary about an hour ago: the tests' clock starts there. */
export const startOfTest = () => Math.floor((Date.now() - 60 * MINUTE) / MINUTE) * MINUTE;

export async function makeRule(pool: pg.Pool, body: Record<string, unknown>, dueAtMs: number): Promise<string> {
  const rule = await createAlertRule(pool, alertRuleBodySchema.parse(body));
  await pool.query("UPDATE alert_rules SET next_eval_at = $2 WHERE id = $1", [rule.id, new Date(dueAtMs)]);
  return rule.id;
}

/** Only this test's rules are evaluated: the others are switched off, their outbox emptied. */
export async function quiet(pool: pg.Pool): Promise<void> {
  await pool.query("UPDATE alert_rules SET enabled = false");
  await pool.query("DELETE FROM alert_notifications");
}

export const evaluateAt = (pool: pg.Pool, nowMs: number) => evaluateAlerts(pool, { nowMs, baseUrl: BASE_URL });

export async function ruleState(pool: pg.Pool, id: string) {
  const { rows } = await pool.query<{ state: string; last_value: number | null; incident_id: string | null }>(
    "SELECT state, last_value, incident_id::text FROM alert_rules WHERE id = $1",
    [id],
  );
  return rows[0]!;
}

export async function eventsOf(pool: pg.Pool, id: string) {
  const { rows } = await pool.query<{ kind: string; at_ms: number; silenced: boolean; detail: { summary: string } }>(
    "SELECT kind, extract(epoch FROM at)::float8 * 1000 AS at_ms, silenced, detail FROM alert_events WHERE rule_id = $1 ORDER BY id",
    [id],
  );
  return rows;
}

/**
 * `perMinute` server spans of service/operation in each minute, `errorsPerMinute` of them failed
 * with `errorMessage` ("boom"; one saying "timed out" makes them timeouts), each lasting `durationMs` (40).
 */
export async function seedRequests(
  pool: pg.Pool,
  input: { service: string; operation: string; fromMs: number; minutes: number; perMinute: number; errorsPerMinute: (minute: number) => number; errorMessage?: string; durationMs?: number },
) {
  const spans = [];
  for (let m = 0; m < input.minutes; m++) {
    for (let i = 0; i < input.perMinute; i++) {
      spans.push(
        makeSpan({
          serviceName: input.service,
          name: input.operation,
          kind: 2,
          startMs: input.fromMs + m * MINUTE + i * (MINUTE / input.perMinute) + 1,
          durationMs: input.durationMs ?? 40,
          status: i < input.errorsPerMinute(m) ? { code: 2, message: input.errorMessage ?? "boom" } : { code: 0, message: "" },
        }),
      );
    }
  }
  await storeTraces(pool, spans);
}

/** Runs of a demo-shaped batch job: root INTERNAL spans named after the job, carrying job.name. */
export async function seedJobRuns(pool: pg.Pool, input: { service: string; job: string; startsMs: number[]; failedLast?: boolean }) {
  const spans = input.startsMs.map((startMs, i) =>
    makeSpan({
      serviceName: input.service,
      name: input.job,
      kind: 1,
      startMs,
      durationMs: 120,
      attributes: { "job.name": input.job },
      status: input.failedLast && i === input.startsMs.length - 1 ? { code: 2, message: "deadlock detected" } : { code: 0, message: "" },
    }),
  );
  await storeTraces(pool, spans);
}

/**
 * Runs of a batch job reported only as metrics, shaped as an OpenTelemetry SDK started at
 * `processStartMs` exports them every 10 s until `exportUntilMs`: the cumulative counter
 * `<prefix>.batch_job.runs{job.name,outcome}` and the histogram `<prefix>.batch_job.duration`
 * (seconds) of the same labels. A series is exported from its first run on, as the SDK does.
 */
export async function seedMetricJobRuns(
  pool: pg.Pool,
  input: { service: string; job: string; prefix?: string; processStartMs: number; exportUntilMs: number; runs: { endMs: number; outcome: string; seconds: number }[] },
) {
  const resource = makeResource(input.service);
  const scope = { name: "test", version: "", attributes: {}, droppedAttributesCount: 0, schemaUrl: "" };
  const base = { description: "", aggregationTemporality: 2 as const, metadata: {}, resource, scope, serviceName: input.service, flags: 0, exemplars: [] };
  const ns = (ms: number) => BigInt(ms) * 1_000_000n;
  const points: (NumberPointRecord | HistogramPointRecord)[] = [];
  for (let t = input.processStartMs + 10_000; t <= input.exportUntilMs; t += 10_000) {
    for (const outcome of new Set(input.runs.map((run) => run.outcome))) {
      const done = input.runs.filter((run) => run.outcome === outcome && run.endMs <= t);
      if (!done.length) continue;
      const at = { ...base, attributes: { "job.name": input.job, outcome }, startTimeUnixNano: ns(input.processStartMs), timeUnixNano: ns(t) };
      const prefix = input.prefix ?? "svc";
      points.push({ ...at, name: `${prefix}.batch_job.runs`, unit: "{run}", type: "sum", isMonotonic: true, value: done.length });
      points.push({
        ...at,
        name: `${prefix}.batch_job.duration`,
        unit: "s",
        type: "histogram",
        isMonotonic: false,
        count: done.length,
        sum: done.reduce((total, run) => total + run.seconds, 0),
        min: null,
        max: null,
        bucketCounts: [done.length],
        explicitBounds: [],
      });
    }
  }
  await storeMetrics(pool, points);
}
