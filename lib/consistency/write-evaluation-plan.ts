import type pg from "pg";
import type { EvaluationPlan } from "./plan-evaluation";

// The SQL half of a batch: sightings, new checks with their steps, at-most counts, and the
// meeting of steps with their checks, each one set-wise statement over unnest'ed arrays. Every
// insert is keyed (rule+change, rule+subject, check+step+change), so a change evaluated again
// changes nothing. Returns the checks whose facts changed, for settle-checks.ts to decide.

const iso = (ms: number) => new Date(ms).toISOString();

/** The sightings as column arrays, in the order both statements over them unnest: rule, revision, step, link key, change, commit, trace. */
function sightingColumns(sightings: EvaluationPlan["sightings"]) {
  return [
    sightings.map((s) => s.ruleId),
    sightings.map((s) => s.revision),
    sightings.map((s) => s.stepIndex),
    sightings.map((s) => s.linkKey),
    sightings.map((s) => s.change.id),
    sightings.map((s) => s.change.committedAt),
    sightings.map((s) => s.change.traceId),
  ];
}

export async function writeEvaluationPlan(client: pg.ClientBase, plan: EvaluationPlan): Promise<bigint[]> {
  const touched = new Set<string>();
  const sightings = plan.sightings;
  if (sightings.length) {
    await client.query(
      `INSERT INTO consistency_sightings (rule_id, revision, step_index, link_key, change_id, committed_at, trace_id, keep_until)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::timestamptz[])
       ON CONFLICT DO NOTHING`,
      [...sightingColumns(sightings), sightings.map((s) => iso(s.keepUntilMs))],
    );
  }

  const newChecks: string[] = [];
  if (plan.checks.length) {
    const checks = plan.checks;
    const { rows } = await client.query<{ id: string; rule_id: string; subject: string }>(
      `INSERT INTO consistency_checks (rule_id, revision, kind, subject, state, started_at, deadline_at, trigger_change_id, trigger_committed_at, table_name, pk, trace_ids)
       SELECT u.rule_id, u.revision, 'follows', u.change_id, 'waiting', u.committed_at, u.committed_at + u.within_ms * interval '1 millisecond', u.change_id, u.committed_at, u.table_name, u.pk,
              CASE WHEN u.trace_id IS NULL THEN '{}'::text[] ELSE ARRAY[u.trace_id] END
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[], $5::bigint[], $6::text[], $7::jsonb[], $8::text[])
           AS u(rule_id, revision, change_id, committed_at, within_ms, table_name, pk, trace_id)
       ON CONFLICT (rule_id, subject) DO NOTHING
       RETURNING id, rule_id, subject`,
      [
        checks.map((c) => c.ruleId),
        checks.map((c) => c.revision),
        checks.map((c) => c.change.id),
        checks.map((c) => c.change.committedAt),
        checks.map((c) => Math.round(c.deadlineAtMs - c.change.committedAtMs)),
        checks.map((c) => c.change.table),
        checks.map((c) => JSON.stringify(c.change.pk)),
        checks.map((c) => c.change.traceId),
      ],
    );
    const idOf = new Map(rows.map((row) => [`${row.rule_id}/${row.subject}`, row.id]));
    const steps = checks.flatMap((check) => {
      const id = idOf.get(`${check.ruleId}/${check.change.id}`);
      return id === undefined ? [] : check.steps.map((step) => ({ id, ruleId: check.ruleId, revision: check.revision, ...step }));
    });
    if (steps.length) {
      await client.query(
        `INSERT INTO consistency_check_steps (check_id, step_index, rule_id, revision, label, link_key, expected, exactly_one, look_back_ms)
         SELECT * FROM unnest($1::bigint[], $2::int[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::boolean[], $8::boolean[], $9::bigint[])`,
        [
          steps.map((s) => s.id),
          steps.map((s) => s.stepIndex),
          steps.map((s) => s.ruleId),
          steps.map((s) => s.revision),
          steps.map((s) => s.label),
          steps.map((s) => s.linkKey),
          steps.map((s) => s.expected),
          steps.map((s) => s.exactlyOne),
          steps.map((s) => s.lookBackMs),
        ],
      );
    }
    for (const row of rows) newChecks.push(row.id);
  }

  // New checks meet the sightings already there (steps that came first, or in this batch).
  if (newChecks.length) {
    const { rows } = await client.query<{ check_id: string }>(
      `INSERT INTO consistency_step_changes (check_id, step_index, change_id, committed_at, trace_id)
       SELECT s.check_id, s.step_index, g.change_id, g.committed_at, g.trace_id
         FROM consistency_check_steps s
         JOIN consistency_checks c ON c.id = s.check_id
         JOIN consistency_sightings g ON g.rule_id = s.rule_id AND g.step_index = s.step_index AND g.link_key = s.link_key AND g.revision = s.revision
        WHERE s.check_id = ANY($1::bigint[]) AND s.expected
          AND g.committed_at >= c.started_at - s.look_back_ms * interval '1 millisecond' AND g.change_id <> c.trigger_change_id
       ON CONFLICT DO NOTHING
       RETURNING check_id`,
      [newChecks],
    );
    for (const row of rows) touched.add(row.check_id);
  }
  // This batch's sightings meet the checks already waiting for them.
  if (sightings.length) {
    const { rows } = await client.query<{ check_id: string }>(
      `INSERT INTO consistency_step_changes (check_id, step_index, change_id, committed_at, trace_id)
       SELECT s.check_id, s.step_index, g.change_id, g.committed_at, g.trace_id
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
           AS g(rule_id, revision, step_index, link_key, change_id, committed_at, trace_id)
         JOIN consistency_check_steps s ON s.rule_id = g.rule_id AND s.step_index = g.step_index AND s.link_key = g.link_key AND s.revision = g.revision AND s.expected
         JOIN consistency_checks c ON c.id = s.check_id
        WHERE g.committed_at >= c.started_at - s.look_back_ms * interval '1 millisecond' AND g.change_id <> c.trigger_change_id
       ON CONFLICT DO NOTHING
       RETURNING check_id`,
      sightingColumns(sightings),
    );
    for (const row of rows) touched.add(row.check_id);
  }

  if (plan.counts.length) {
    // One row per (rule, key) in the statement (ON CONFLICT cannot touch a row twice): the first change opens it.
    const first = new Map<string, (typeof plan.counts)[number]>();
    for (const count of [...plan.counts].sort((a, b) => a.change.committedAtMs - b.change.committedAtMs)) {
      if (!first.has(`${count.ruleId}/${count.key}`)) first.set(`${count.ruleId}/${count.key}`, count);
    }
    const opened = [...first.values()];
    const { rows } = await client.query<{ id: string; rule_id: string; subject: string }>(
      `INSERT INTO consistency_checks (rule_id, revision, kind, subject, state, started_at, deadline_at, table_name, pk, max_count)
       SELECT u.rule_id, u.revision, 'at-most', u.key, 'waiting', u.committed_at, u.committed_at + u.within_ms * interval '1 millisecond', u.table_name, u.pk, u.max
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[], $5::bigint[], $6::text[], $7::jsonb[], $8::int[])
           AS u(rule_id, revision, key, committed_at, within_ms, table_name, pk, max)
       ON CONFLICT (rule_id, subject) DO UPDATE SET rule_id = EXCLUDED.rule_id
       RETURNING id, rule_id, subject`,
      [
        opened.map((c) => c.ruleId),
        opened.map((c) => c.revision),
        opened.map((c) => c.key),
        opened.map((c) => c.change.committedAt),
        opened.map((c) => c.withinMs),
        opened.map((c) => c.table),
        opened.map((c) => JSON.stringify(c.values)),
        opened.map((c) => c.max),
      ],
    );
    const idOf = new Map(rows.map((row) => [`${row.rule_id}/${row.subject}`, row.id]));
    const counted = plan.counts.map((c) => ({ id: idOf.get(`${c.ruleId}/${c.key}`)!, change: c.change }));
    const inserted = await client.query<{ check_id: string }>(
      `INSERT INTO consistency_step_changes (check_id, step_index, change_id, committed_at, trace_id)
       SELECT u.check_id, 0, u.change_id, u.committed_at, u.trace_id FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[]) AS u(check_id, change_id, committed_at, trace_id)
       ON CONFLICT DO NOTHING
       RETURNING check_id`,
      [counted.map((c) => c.id), counted.map((c) => c.change.id), counted.map((c) => c.change.committedAt), counted.map((c) => c.change.traceId)],
    );
    for (const row of inserted.rows) touched.add(row.check_id);
  }
  for (const id of newChecks) touched.add(id);
  return [...touched].map((id) => BigInt(id));
}
