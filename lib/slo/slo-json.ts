import type pg from "pg";
import { budgetRemainingPercent, levelPercent } from "./burn-rate";
import { readSloCounts, type SloCounts } from "./read-slo-counts";
import { sloObjectiveSchema, type Slo } from "./schemas";

// One SLO row as the API's `Slo`: its stored fields, the burn-rate rules it owns, whether one
// fires, and its level and budget over its own window ending now.

type Queryable = Pick<pg.Pool, "query">;

export const SLO_SELECT = `SELECT s.id, s.name, s.description, s.service, s.operation, s.objective, s.target_percent, s.window_days, s.alerts,
       s.contact_ids, s.open_incident, s.created_at, s.updated_at,
       coalesce((SELECT array_agg(a.id ORDER BY a.created_at, a.name) FROM alert_rules a WHERE a.slo_id = s.id), '{}') AS rule_ids,
       EXISTS (SELECT 1 FROM alert_rules a WHERE a.slo_id = s.id AND a.state = 'firing') AS firing
  FROM slos s`;

export interface SloRow {
  id: string;
  name: string;
  description: string;
  service: string;
  operation: string | null;
  objective: unknown;
  target_percent: number;
  window_days: number;
  alerts: boolean;
  contact_ids: string[];
  open_incident: boolean;
  created_at: Date;
  updated_at: Date;
  rule_ids: string[];
  firing: boolean;
}

export const DAY_MS = 86_400_000;

export function sloFromRow(row: SloRow, counts: SloCounts): Slo {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    service: row.service,
    ...(row.operation !== null ? { operation: row.operation } : {}),
    objective: sloObjectiveSchema.parse(row.objective),
    targetPercent: row.target_percent,
    windowDays: row.window_days,
    alerts: row.alerts,
    contactIds: row.contact_ids,
    openIncident: row.open_incident,
    createdAtMs: row.created_at.getTime(),
    updatedAtMs: row.updated_at.getTime(),
    alertRuleIds: row.rule_ids,
    levelPercent: levelPercent(counts.bad, counts.total),
    budgetRemainingPercent: budgetRemainingPercent(counts.bad, counts.total, row.target_percent),
    firing: row.firing,
  };
}

/** The row with its counts over its own window ending at `nowMs`. */
export async function sloWithLevel(db: Queryable, row: SloRow, nowMs: number): Promise<{ slo: Slo; counts: SloCounts }> {
  const scope = { service: row.service, operation: row.operation ?? undefined, objective: sloObjectiveSchema.parse(row.objective) };
  const counts = await readSloCounts(db, scope, nowMs - row.window_days * DAY_MS, nowMs);
  return { slo: sloFromRow(row, counts), counts };
}
