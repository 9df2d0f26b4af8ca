import { alertSourceSchema, conditionSchema, type AlertRule, type AlertState } from "./schemas";
import { ruleLink } from "./rule-link";

// A stored alert rule as the API answers it. RULE_SELECT is the one query shape every rule read
// uses; `silenced_until` is the latest end among the silences covering the rule now.

/**
 * A silence `s` covers rule `r`: its rule (when it names one) is r, and each of its matchers
 * equals one of r's labels (jsonb containment says exactly that; no matchers: always true).
 * The evaluator uses the same condition, so the page and the notifications never disagree.
 */
export const SILENCE_MATCHES = "(s.rule_id IS NULL OR s.rule_id = r.id) AND r.labels @> s.matchers";

export const RULE_SELECT = `
  SELECT r.id, r.name, r.description, r.enabled, r.source, r.condition, r.for_seconds, r.every_seconds, r.labels,
         r.contact_ids::text[] AS contact_ids, r.open_incident, r.incident_severity, r.slo_id, r.state, r.last_value, r.last_error,
         r.incident_id::text AS incident_id,
         extract(epoch FROM r.created_at) * 1000 AS created_ms, extract(epoch FROM r.updated_at) * 1000 AS updated_ms,
         extract(epoch FROM r.state_since) * 1000 AS state_since_ms, extract(epoch FROM r.last_evaluated_at) * 1000 AS evaluated_ms,
         (SELECT extract(epoch FROM max(s.ends_at)) * 1000 FROM alert_silences s
           WHERE s.starts_at <= now() AND s.ends_at > now()
             AND ${SILENCE_MATCHES}) AS silenced_until_ms
    FROM alert_rules r`;

export interface AlertRuleRow {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  source: unknown;
  condition: unknown;
  for_seconds: number;
  every_seconds: number;
  labels: Record<string, string>;
  contact_ids: string[];
  open_incident: boolean;
  incident_severity: string;
  slo_id: string | null;
  state: AlertState;
  last_value: number | null;
  last_error: string | null;
  incident_id: string | null;
  created_ms: string;
  updated_ms: string;
  state_since_ms: string | null;
  evaluated_ms: string | null;
  silenced_until_ms: string | null;
}

const msOrNull = (value: string | null) => (value === null ? null : Math.round(Number(value)));

/**
 * The rule as the API returns it; null when its stored source or condition no longer parses
 * (written by hand, or by a newer version) — the list leaves it out and names it in the log,
 * rather than one bad row failing every rule (the evaluator marks it with last_error).
 */
export function alertRuleJson(row: AlertRuleRow): AlertRule | null {
  // Stored sources were validated when saved; parsing again fills defaults added since.
  const parsedSource = alertSourceSchema.safeParse(row.source);
  const parsedCondition = conditionSchema.safeParse(row.condition);
  if (!parsedSource.success || !parsedCondition.success) {
    console.error(`[sightline] alert rule ${row.id} (${row.name}) has a stored source or condition this version cannot read; it is left out`);
    return null;
  }
  const source = parsedSource.data;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    enabled: row.enabled,
    source,
    condition: parsedCondition.data,
    forSeconds: row.for_seconds,
    everySeconds: row.every_seconds,
    labels: row.labels,
    contactIds: row.contact_ids,
    openIncident: row.open_incident,
    incidentSeverity: row.incident_severity as AlertRule["incidentSeverity"],
    sloId: row.slo_id,
    createdAtMs: Math.round(Number(row.created_ms)),
    updatedAtMs: Math.round(Number(row.updated_ms)),
    state: row.state,
    stateSinceMs: msOrNull(row.state_since_ms),
    lastValue: row.last_value,
    lastEvaluatedAtMs: msOrNull(row.evaluated_ms),
    lastError: row.last_error,
    silencedUntilMs: msOrNull(row.silenced_until_ms),
    incidentId: row.incident_id,
    link: ruleLink(source),
  };
}
