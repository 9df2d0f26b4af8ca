import type pg from "pg";
import { loadEnabledRules } from "./load-enabled-rules";
import type { EvaluatedChange } from "./match-change";
import { planEvaluation } from "./plan-evaluation";
import { tableNamesOf } from "./rule-tables";
import { settleChecks } from "./settle-checks";
import { writeEvaluationPlan } from "./write-evaluation-plan";

// One evaluation batch, in one transaction: take the oldest queued changes, load them and the
// enabled rules, plan (pure), write the plan set-wise, settle the checks it touched, delete the
// queue rows. Incremental: only the batch's changes are read from audit_changes (by key); earlier
// steps are found among the sightings. A failure rolls everything back and the batch is retried.
//
// One evaluator at a time (a transaction-scoped advisory lock): two batches evaluated at once
// could each miss the other's uncommitted trigger or step, so a match would be lost. A second
// replica's loop finds the lock taken and waits for its next tick.

export const EVALUATOR_LOCK = "sightline.consistency.evaluator";

export interface EvaluationResult {
  /** false when another evaluator holds the lock (nothing was done) */
  ran: boolean;
  /** queue rows taken (every queued change, whether a rule concerns it or not) */
  taken: number;
  /** changes of a table some enabled rule names */
  evaluated: number;
  checksSettled: number;
  /** ingest commit → checks committed, over the batch */
  maxLagMs: number;
  lagsMs: number[];
}

export async function evaluateConsistency(pool: pg.Pool, options: { limit?: number; nowMs?: number } = {}): Promise<EvaluationResult> {
  const limit = options.limit ?? 2_000;
  const client = await pool.connect();
  let queuedAt: number[] = [];
  let result: Omit<EvaluationResult, "maxLagMs" | "lagsMs">;
  try {
    await client.query("BEGIN");
    const { rows: locked } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok", [EVALUATOR_LOCK]);
    if (!locked[0]?.ok) {
      await client.query("ROLLBACK");
      return { ran: false, taken: 0, evaluated: 0, checksSettled: 0, maxLagMs: 0, lagsMs: [] };
    }
    // committed_at as text: PostgreSQL keeps microseconds, a JavaScript Date would drop them and
    // the change's key would then find nothing.
    const taken = await client.query<{ change_id: string; committed_at: string; queued_ms: number }>(
      `DELETE FROM consistency_queue WHERE seq IN (SELECT seq FROM consistency_queue ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING change_id, committed_at::text, extract(epoch FROM queued_at) * 1000 AS queued_ms`,
      [limit],
    );
    queuedAt = taken.rows.map((row) => Number(row.queued_ms));
    let evaluated = 0;
    let checksSettled = 0;
    if (taken.rows.length) {
      const rules = await loadEnabledRules(client);
      const tables = tableNamesOf(rules);
      const changes = rules.length && tables.length ? await loadChanges(client, taken.rows, tables) : [];
      evaluated = changes.length;
      const touched = await writeEvaluationPlan(client, planEvaluation(rules, changes));
      checksSettled = await settleChecks(client, touched, options.nowMs ?? Date.now());
    }
    await client.query("COMMIT");
    result = { ran: true, taken: taken.rows.length, evaluated, checksSettled };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  const committedMs = Date.now();
  const lagsMs = queuedAt.map((at) => committedMs - at);
  return { ...result, maxLagMs: lagsMs.length ? Math.max(...lagsMs) : 0, lagsMs };
}

/** The batch's changes of the rules' tables, read by their key (one index probe each). */
async function loadChanges(client: pg.ClientBase, taken: { change_id: string; committed_at: string }[], tables: string[]): Promise<EvaluatedChange[]> {
  const { rows } = await client.query<{
    id: string;
    committed_ms: number;
    committed_text: string;
    database: string;
    schema_name: string;
    table_name: string;
    op: EvaluatedChange["op"];
    pk: Record<string, unknown>;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    changed_columns: string[];
    txid: string | null;
    trace_id: string | null;
  }>(
    `SELECT a.id, extract(epoch FROM a.committed_at) * 1000 AS committed_ms, a.committed_at::text AS committed_text, a.database, a.schema_name, a.table_name, a.op, a.pk, a.before, a.after,
            a.changed_columns, a.txid::text AS txid, encode(a.trace_id, 'hex') AS trace_id
       FROM unnest($1::text[], $2::timestamptz[]) WITH ORDINALITY AS q(id, committed_at, n)
       JOIN audit_changes a ON a.id = q.id AND a.committed_at = q.committed_at
      WHERE a.table_name = ANY($3::text[])
        AND a.committed_at BETWEEN (SELECT min(t) FROM unnest($2::timestamptz[]) AS t) AND (SELECT max(t) FROM unnest($2::timestamptz[]) AS t)
      ORDER BY q.n`,
    [taken.map((row) => row.change_id), taken.map((row) => row.committed_at), tables],
  );
  return rows.map((row) => ({
    id: row.id,
    committedAtMs: Number(row.committed_ms),
    committedAt: row.committed_text,
    database: row.database,
    schema: row.schema_name,
    table: row.table_name,
    op: row.op,
    pk: row.pk,
    before: row.before,
    after: row.after,
    changedColumns: row.changed_columns,
    txid: row.txid,
    traceId: row.trace_id,
  }));
}
