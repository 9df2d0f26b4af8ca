import type pg from "pg";
import { storeTraces } from "@/lib/ingest/store/store-traces";
import { makeSpan } from "@/lib/testing/make-records";
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
