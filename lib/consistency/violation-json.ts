import type { RuleDefinition, ViolationSummary } from "./schemas";

// A violating check as the API answers it. VIOLATION_SELECT is the one query shape the list and
// the detail read, so both say the same about a violation.

export const VIOLATION_SELECT = `
  SELECT c.id, c.rule_id, r.name AS rule_name, r.definition, c.kind, c.state, c.table_name, c.pk, c.trace_ids, c.max_count, c.violated_step,
         c.trigger_change_id, c.trigger_committed_at::text, c.late_ms, s.label AS step_label,
         extract(epoch FROM c.started_at) * 1000 AS started_ms, extract(epoch FROM c.deadline_at) * 1000 AS deadline_ms,
         extract(epoch FROM c.detected_at) * 1000 AS detected_ms, extract(epoch FROM c.resolved_at) * 1000 AS resolved_ms
    FROM consistency_checks c
    JOIN consistency_rules r ON r.id = c.rule_id
    LEFT JOIN consistency_check_steps s ON s.check_id = c.id AND s.step_index = c.violated_step`;

export interface ViolationRow {
  id: string;
  rule_id: string;
  rule_name: string;
  definition: RuleDefinition;
  kind: "follows" | "at-most";
  state: ViolationSummary["state"];
  table_name: string;
  pk: Record<string, unknown>;
  trace_ids: string[];
  max_count: number | null;
  violated_step: number | null;
  trigger_change_id: string | null;
  trigger_committed_at: string | null;
  late_ms: number | null;
  step_label: string | null;
  started_ms: string;
  deadline_ms: string;
  detected_ms: string | null;
  resolved_ms: string | null;
}

const msOf = (value: string | null) => (value === null ? null : Math.round(Number(value)));

/** An at-most violation's step in words, from the rule it was counted by. */
export function countStepLabel(max: number, definition: RuleDefinition): string {
  const per = definition.kind === "at-most" ? ` per ${definition.per.join(", ")}` : "";
  return `at most ${max} ${max === 1 ? "change" : "changes"}${per}`;
}

export function violationJson(row: ViolationRow): ViolationSummary {
  const detected = msOf(row.detected_ms) ?? msOf(row.started_ms)!;
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    state: row.state,
    open: row.state !== "late",
    startedAtMs: msOf(row.started_ms)!,
    deadlineAtMs: msOf(row.deadline_ms)!,
    detectedAtMs: detected,
    resolvedAtMs: msOf(row.resolved_ms),
    lateMs: row.state === "late" ? row.late_ms : null,
    step: row.kind === "at-most" ? countStepLabel(row.max_count ?? 1, row.definition) : (row.step_label ?? ""),
    table: row.table_name,
    pk: row.pk,
    traceIds: row.trace_ids,
  };
}
