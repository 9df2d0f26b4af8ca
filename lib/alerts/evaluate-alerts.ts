import type pg from "pg";
import type { EvidenceItem } from "@/lib/incidents/schemas";
import { noteAlertResolved, openAlertIncident } from "./alert-incident";
import { decideAlertState, type Decision } from "./decide-alert-state";
import { enqueueNotifications } from "./enqueue-notifications";
import { routeContacts } from "./route-contacts";
import { SILENCE_MATCHES } from "./rule-json";
import { ruleLink } from "./rule-link";
import { alertSourceSchema, conditionSchema, type AlertCondition, type AlertNotification, type AlertSource } from "./schemas";
import { evaluateSource } from "./sources/evaluate-source";
import type { SourceValue } from "./sources/source-value";
import { summariseAlert } from "./summarise-alert";

// One pass of the evaluator: under a transaction advisory lock (one replica at a time), take the
// enabled rules whose next_eval_at has come, read each source (on the pool, outside the
// transaction, so a failing source query cannot abort the others' writes), decide the new state
// (decide-alert-state.ts), and write in the transaction: the rule's state and next_eval_at, an
// event per change, the outbox rows of firing and resolved events for the rule's own contact
// points and those its labels route to (route-contacts.ts; none when a silence covers the rule
// at that moment: the event is marked silenced), and the incident a firing opens or
// the note its resolution adds. The clock is passed in, so tests drive it.

const LOCK_KEY = 0x51_6e_a1_e7; // "sightline alerts": any constant other advisory locks do not use
const SOURCE_TIMEOUT_MS = 20_000;

export interface EvaluateOptions {
  nowMs: number;
  /** The origin links in notifications use (lib/env.ts publicBaseUrl). */
  baseUrl: string;
  limit?: number;
}

export interface EvaluationPass {
  ran: boolean;
  evaluated: number;
  events: { ruleId: string; kind: string; eventId: string; silenced: boolean; notifications: string[]; incidentId: string | null }[];
}

interface DueRule {
  id: string;
  name: string;
  source: unknown;
  condition: unknown;
  for_seconds: number;
  every_seconds: number;
  labels: Record<string, string>;
  contact_ids: string[];
  open_incident: boolean;
  incident_severity: "critical" | "major" | "minor";
  state: "ok" | "pending" | "firing" | "no-data";
  pending_ms: number | null;
  firing_ms: number | null;
  incident_id: string | null;
}

export async function evaluateAlerts(pool: pg.Pool, options: EvaluateOptions): Promise<EvaluationPass> {
  const client = await pool.connect();
  const pass: EvaluationPass = { ran: false, evaluated: 0, events: [] };
  try {
    await client.query("BEGIN");
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [LOCK_KEY]);
    if (!lock[0]?.ok) {
      await client.query("ROLLBACK");
      return pass;
    }
    pass.ran = true;
    const now = new Date(options.nowMs);
    const { rows: due } = await client.query<DueRule>(
      `SELECT id::text, name, source, condition, for_seconds, every_seconds, labels, contact_ids::text[] AS contact_ids, open_incident, incident_severity,
              state, extract(epoch FROM pending_since)::float8 * 1000 AS pending_ms, extract(epoch FROM firing_since)::float8 * 1000 AS firing_ms,
              incident_id::text AS incident_id
         FROM alert_rules WHERE enabled AND next_eval_at <= $1 ORDER BY next_eval_at LIMIT $2 FOR UPDATE`,
      [now, options.limit ?? 200],
    );
    for (const rule of due) {
      const source = alertSourceSchema.safeParse(rule.source);
      const parsedCondition = conditionSchema.safeParse(rule.condition);
      // A stored source or condition this version cannot read (written by hand, or by a newer version) is an error of that rule alone.
      if (!source.success || !parsedCondition.success) {
        const issue = !source.success ? `source: ${source.error.issues[0]?.message ?? "unknown"}` : `condition: ${parsedCondition.error?.issues[0]?.message ?? "unknown"}`;
        await client.query("UPDATE alert_rules SET last_error = $2, last_evaluated_at = $3, next_eval_at = $3::timestamptz + make_interval(secs => every_seconds) WHERE id = $1", [rule.id, `the stored ${issue} is not valid`, now]);
        continue;
      }
      const condition = parsedCondition.data;
      const read = await readSource(pool, source.data, condition, options.nowMs);
      const decision = decideAlertState(
        { state: rule.state, pendingSinceMs: rule.pending_ms, firingSinceMs: rule.firing_ms },
        { value: read.value, failed: read.error !== undefined && read.value === null, condition, forSeconds: rule.for_seconds, nowMs: options.nowMs },
      );
      const event = await writeOutcome(client, rule, source.data, condition, read, decision, options);
      if (event) pass.events.push(event);
      pass.evaluated++;
    }
    await client.query("COMMIT");
    return pass;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function firingWasSilenced(client: pg.PoolClient, ruleId: string): Promise<boolean> {
  const { rows } = await client.query<{ silenced: boolean }>("SELECT silenced FROM alert_events WHERE rule_id = $1 AND kind = 'firing' ORDER BY at DESC, id DESC LIMIT 1", [ruleId]);
  return rows[0]?.silenced ?? false;
}

async function readSource(pool: pg.Pool, source: AlertSource, condition: AlertCondition, nowMs: number): Promise<SourceValue> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<SourceValue>((resolve) => {
    timer = setTimeout(() => resolve({ value: null, error: `the source took longer than ${SOURCE_TIMEOUT_MS / 1_000} s` }), SOURCE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([evaluateSource(pool, source, condition, nowMs), timeout]);
  } catch (error) {
    return { value: null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

async function writeOutcome(client: pg.PoolClient, rule: DueRule, source: AlertSource, condition: AlertCondition, read: SourceValue, decision: Decision, options: EvaluateOptions) {
  const now = new Date(options.nowMs);
  const subject = read.subject ?? rule.name;
  let incidentId = rule.incident_id;
  let eventOut: EvaluationPass["events"][number] | null = null;
  if (decision.event) {
    const heldFrom = decision.event === "resolved" ? (rule.pending_ms ?? options.nowMs) : (decision.pendingSinceMs ?? options.nowMs);
    const summary = summariseAlert({ subject, value: read.value, condition, state: decision.event, heldMs: options.nowMs - heldFrom, error: read.error });
    const { rows: silence } = await client.query<{ silenced: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM alert_silences s, alert_rules r WHERE r.id = $1 AND s.starts_at <= $2 AND s.ends_at > $2 AND ${SILENCE_MATCHES}) AS silenced`,
      [rule.id, now],
    );
    // A resolve follows its firing: sent when the firing was sent (a receiver told of a problem
    // must hear it ended, silence or not), held back when the firing was silenced.
    const silenced = decision.resolvesFiring ? await firingWasSilenced(client, rule.id) : silence[0]!.silenced;
    const link = ruleLink(source);
    if (decision.event === "firing" && rule.open_incident) {
      incidentId = await openAlertIncident(client, {
        ruleName: rule.name,
        severity: rule.incident_severity,
        summary,
        pendingSinceMs: decision.pendingSinceMs ?? options.nowMs,
        nowMs: options.nowMs,
        evidence: evidenceOf(rule.name, source, link),
        filters: { rule: rule.name, ...pick(source) },
      });
    }
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO alert_events (rule_id, kind, at, value, threshold, silenced, incident_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text`,
      [rule.id, decision.event, now, read.value, condition.threshold, silenced, incidentId, JSON.stringify({ summary, ...(read.error ? { error: read.error } : {}) })],
    );
    const eventId = rows[0]!.id;
    const notifies = decision.event === "firing" || decision.resolvesFiring;
    const notifications =
      notifies && !silenced
        ? await enqueueNotifications(
            client,
            eventId,
            await routeContacts(client, rule.labels, rule.contact_ids),
            (id): AlertNotification => ({
              id,
              state: decision.event === "firing" ? "firing" : "resolved",
              rule: { id: rule.id, name: rule.name, labels: rule.labels },
              summary,
              value: read.value,
              threshold: condition.threshold,
              startsAtMs: Math.round(decision.event === "firing" ? options.nowMs : (rule.firing_ms ?? options.nowMs)),
              endsAtMs: decision.event === "firing" ? null : options.nowMs,
              url: `${options.baseUrl}${link}`,
              incidentUrl: incidentId ? `${options.baseUrl}/incidents/${incidentId}` : null,
              test: false,
            }),
            options.nowMs,
          )
        : [];
    if (decision.resolvesFiring && incidentId) {
      await noteAlertResolved(client, incidentId, rule.name, `Alert resolved at ${now.toISOString()}: ${summary}`, options.nowMs);
    }
    eventOut = { ruleId: rule.id, kind: decision.event, eventId, silenced, notifications, incidentId };
    if (decision.resolvesFiring) incidentId = null;
  }
  await client.query(
    `UPDATE alert_rules
        SET state = $2, state_since = COALESCE($3, state_since), pending_since = $4, firing_since = $5, last_value = $6, last_error = $7,
            last_evaluated_at = $8, next_eval_at = $8::timestamptz + make_interval(secs => every_seconds), incident_id = $9
      WHERE id = $1`,
    [
      rule.id,
      decision.state,
      decision.changedAtMs === null ? null : new Date(decision.changedAtMs),
      decision.pendingSinceMs === null ? null : new Date(decision.pendingSinceMs),
      decision.firingSinceMs === null ? null : new Date(decision.firingSinceMs),
      read.value,
      read.value === null ? (read.error ?? null) : null,
      now,
      incidentId,
    ],
  );
  return eventOut;
}

/** The rule's page as a chart link; for RED, also the timeout report of the service. */
function evidenceOf(ruleName: string, source: AlertSource, link: string): EvidenceItem[] {
  const items: EvidenceItem[] = [{ kind: "chart", title: `alert: ${ruleName}`.slice(0, 200), href: link.slice(0, 2_000) }];
  if (source.kind === "red") items.push({ kind: "report", service: source.service, operation: source.operation ?? null });
  return items;
}

function pick(source: AlertSource): Record<string, string> {
  const out: Record<string, string> = {};
  if ("service" in source && source.service) out.service = source.service.slice(0, 500);
  if ("operation" in source && source.operation) out.operation = source.operation.slice(0, 500);
  if (source.kind === "job") out.job = source.job;
  return out;
}
