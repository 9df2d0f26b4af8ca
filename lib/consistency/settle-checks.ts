import type pg from "pg";
import { decideCountCheck, decideFollowsCheck, type StepFacts } from "./decide-check-state";
import type { CheckState } from "./schemas";

// Re-decides the given checks from their stored facts (steps and the changes found for them)
// and writes the states back in one statement. Used by the evaluator for the checks a batch
// touched, and by the deadline timer for checks whose deadline passed.

interface CheckRow {
  id: string;
  kind: "follows" | "at-most";
  state: CheckState;
  started_ms: number;
  deadline_ms: number;
  detected_ms: number | null;
  resolved_ms: number | null;
  max_count: number | null;
  trace_ids: string[];
}

export async function settleChecks(client: pg.ClientBase, ids: bigint[], nowMs: number): Promise<number> {
  if (ids.length === 0) return 0;
  const idText = ids.map(String);
  // One after the other: a pg client runs one query at a time anyway.
  const checks = await client.query<CheckRow>(
    `SELECT id, kind, state, extract(epoch FROM started_at) * 1000 AS started_ms, extract(epoch FROM deadline_at) * 1000 AS deadline_ms,
            extract(epoch FROM detected_at) * 1000 AS detected_ms, extract(epoch FROM resolved_at) * 1000 AS resolved_ms, max_count, trace_ids
       FROM consistency_checks WHERE id = ANY($1::bigint[]) FOR UPDATE`,
    [idText],
  );
  const steps = await client.query<{ check_id: string; step_index: number; expected: boolean; exactly_one: boolean }>(
    "SELECT check_id, step_index, expected, exactly_one FROM consistency_check_steps WHERE check_id = ANY($1::bigint[])",
    [idText],
  );
  const found = await client.query<{ check_id: string; step_index: number; at_ms: number; trace_id: string | null }>(
    "SELECT check_id, step_index, extract(epoch FROM committed_at) * 1000 AS at_ms, trace_id FROM consistency_step_changes WHERE check_id = ANY($1::bigint[])",
    [idText],
  );
  const stepsOf = new Map<string, StepFacts[]>();
  for (const s of steps.rows) {
    const list = stepsOf.get(s.check_id) ?? [];
    list.push({ stepIndex: s.step_index, expected: s.expected, exactlyOne: s.exactly_one, foundAtMs: [] });
    stepsOf.set(s.check_id, list);
  }
  const foundOf = new Map<string, { stepIndex: number; atMs: number; traceId: string | null }[]>();
  for (const f of found.rows) {
    const list = foundOf.get(f.check_id) ?? [];
    list.push({ stepIndex: f.step_index, atMs: Number(f.at_ms), traceId: f.trace_id });
    foundOf.set(f.check_id, list);
  }

  const updates = checks.rows.map((row) => {
    const facts = { state: row.state, deadlineAtMs: Number(row.deadline_ms), detectedAtMs: row.detected_ms === null ? null : Number(row.detected_ms), resolvedAtMs: row.resolved_ms === null ? null : Number(row.resolved_ms) };
    const changes = foundOf.get(row.id) ?? [];
    const traceIds = new Set(row.trace_ids);
    for (const change of changes) if (change.traceId) traceIds.add(change.traceId);
    if (row.kind === "at-most") {
      const withinMs = Number(row.deadline_ms) - Number(row.started_ms);
      const decision = decideCountCheck(facts, changes.map((c) => c.atMs), row.max_count ?? 1, withinMs, nowMs);
      return { id: row.id, ...decision, traceIds: [...traceIds] };
    }
    const stepFacts = (stepsOf.get(row.id) ?? []).map((step) => ({ ...step, foundAtMs: changes.filter((c) => c.stepIndex === step.stepIndex).map((c) => c.atMs) }));
    return { id: row.id, ...decideFollowsCheck(facts, stepFacts, nowMs), startedAtMs: Number(row.started_ms), deadlineAtMs: Number(row.deadline_ms), traceIds: [...traceIds] };
  });
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  await client.query(
    `UPDATE consistency_checks c
        SET state = u.state,
            -- an at-most check's window moves; a follows check keeps its trigger's exact time
            started_at = CASE WHEN c.kind = 'at-most' THEN u.started_at ELSE c.started_at END,
            deadline_at = CASE WHEN c.kind = 'at-most' THEN u.deadline_at ELSE c.deadline_at END,
            detected_at = u.detected_at, resolved_at = u.resolved_at,
            late_ms = u.late_ms, violated_step = u.violated_step, trace_ids = ARRAY(SELECT jsonb_array_elements_text(u.trace_ids)), written_at = clock_timestamp()
       FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::float8[], $8::int[], $9::jsonb[])
         AS u(id, state, started_at, deadline_at, detected_at, resolved_at, late_ms, violated_step, trace_ids)
      WHERE c.id = u.id`,
    [
      updates.map((u) => u.id),
      updates.map((u) => u.state),
      updates.map((u) => iso(u.startedAtMs)),
      updates.map((u) => iso(u.deadlineAtMs)),
      updates.map((u) => iso(u.detectedAtMs)),
      updates.map((u) => iso(u.resolvedAtMs)),
      updates.map((u) => u.lateMs),
      updates.map((u) => u.violatedStep),
      updates.map((u) => JSON.stringify(u.traceIds.slice(0, 50))),
    ],
  );
  return updates.length;
}
