import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import { INGEST_GRACE_MS, stepState } from "./decide-check-state";
import { getRule } from "./get-rule";
import { loadChangesByKey, loadRowsHistory } from "./load-change-refs";
import type { ChangeRef, ViolationDetail } from "./schemas";
import { countStepLabel, violationJson, VIOLATION_SELECT, type ViolationRow } from "./violation-json";

// One violation's story, in order: the trigger change and the request that made it, each step
// with what became of it and the changes that made it, every change of the rows involved around
// the window (their history), and the requests behind all of these by role.

/** History reaches this far before the trigger (or its look-back) and after the deadline. */
const HISTORY_MARGIN_MS = 60_000;

export async function getViolation(pool: pg.Pool, id: string, nowMs: number): Promise<ViolationDetail> {
  const { rows } = await pool.query<ViolationRow>(`${VIOLATION_SELECT} WHERE c.id = $1 AND c.state IN ('missing', 'late', 'duplicate')`, [id]);
  const row = rows[0];
  if (!row) throw new ApiError("not_found", `no consistency violation with id ${id}`);
  const violation = violationJson(row);
  const rule = await getRule(pool, row.rule_id);

  // Commit times as text all the way: a JavaScript Date would drop their microseconds.
  const { rows: found } = await pool.query<{ step_index: number; change_id: string; committed_at: string }>(
    "SELECT step_index, change_id, committed_at::text FROM consistency_step_changes WHERE check_id = $1 ORDER BY committed_at LIMIT 100",
    [id],
  );
  const changes = await loadChangesByKey(pool, [
    ...(row.trigger_change_id && row.trigger_committed_at ? [{ id: row.trigger_change_id, committedAt: row.trigger_committed_at }] : []),
    ...found.map((f) => ({ id: f.change_id, committedAt: f.committed_at })),
  ]);
  const byId = new Map(changes.map((change) => [change.id, change]));
  const trigger = row.trigger_change_id ? (byId.get(row.trigger_change_id) ?? null) : null;
  const changesOf = (stepIndex: number) => found.filter((f) => f.step_index === stepIndex).flatMap((f) => byId.get(f.change_id) ?? []);

  let steps: ViolationDetail["steps"];
  let lookBackMs = 0;
  if (row.kind === "at-most") {
    steps = [{ label: countStepLabel(row.max_count ?? 1, row.definition), state: row.state === "duplicate" ? "duplicate" : "met", deadlineAtMs: violation.deadlineAtMs, changes: changesOf(0) }];
  } else {
    const { rows: stepRows } = await pool.query<{ step_index: number; label: string; expected: boolean; exactly_one: boolean; look_back_ms: string }>(
      "SELECT step_index, label, expected, exactly_one, look_back_ms FROM consistency_check_steps WHERE check_id = $1 ORDER BY step_index",
      [id],
    );
    const deadlinePassed = row.state === "missing" || nowMs > violation.deadlineAtMs + INGEST_GRACE_MS;
    steps = stepRows.map((step) => {
      lookBackMs = Math.max(lookBackMs, Number(step.look_back_ms));
      const stepChanges = changesOf(step.step_index);
      const facts = { stepIndex: step.step_index, expected: step.expected, exactlyOne: step.exactly_one, foundAtMs: stepChanges.map((c) => c.committedAtMs) };
      return { label: step.label, state: stepState(facts, violation.deadlineAtMs, deadlinePassed), deadlineAtMs: violation.deadlineAtMs, changes: stepChanges };
    });
  }

  const involved = new Map<string, { table: string; pk: Record<string, unknown> }>();
  for (const change of [...(trigger ? [trigger] : []), ...steps.flatMap((s) => s.changes)]) involved.set(`${change.table}:${JSON.stringify(change.pk)}`, change);
  if (!trigger && row.kind === "follows") involved.set(`${row.table_name}:${JSON.stringify(row.pk)}`, { table: row.table_name, pk: row.pk });
  const lastMs = Math.max(violation.deadlineAtMs, ...steps.flatMap((s) => s.changes.map((c) => c.committedAtMs)));
  const history = await loadRowsHistory(pool, [...involved.values()], violation.startedAtMs - lookBackMs - HISTORY_MARGIN_MS, lastMs + HISTORY_MARGIN_MS);

  return { violation, rule, trigger, steps, history, traces: tracesOf(trigger, steps, history) };
}

/** The requests behind the story, each once, by the first role it played: trigger, step, history. */
function tracesOf(trigger: ChangeRef | null, steps: ViolationDetail["steps"], history: ChangeRef[]): ViolationDetail["traces"] {
  const traces = new Map<string, ViolationDetail["traces"][number]>();
  const add = (change: ChangeRef, role: "trigger" | "step" | "history", label: string) => {
    if (change.traceId && !traces.has(change.traceId)) traces.set(change.traceId, { traceId: change.traceId, role, label });
  };
  if (trigger) add(trigger, "trigger", `${trigger.op} ${trigger.table} (the trigger)`);
  for (const step of steps) for (const change of step.changes) add(change, "step", step.label);
  for (const change of history) add(change, "history", `${change.op} ${change.table}`);
  return [...traces.values()];
}
