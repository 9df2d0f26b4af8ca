import type pg from "pg";
import { INGEST_GRACE_MS } from "./decide-check-state";
import { EVALUATOR_LOCK } from "./evaluate-consistency";
import { settleChecks } from "./settle-checks";

// The timer's half: waiting checks of enabled rules past their deadline (plus the ingest grace)
// are settled (a follows check with a step still absent becomes `missing`, an open violation;
// an at-most window that closed under its count becomes `met`). Then what can no longer matter
// is dropped: sightings past their keep time, met checks an hour after their deadline, and
// violations after 30 days. Under the evaluator's lock, so a batch never settles a check at the
// same time.

const MET_KEPT_MS = 60 * 60_000;
const VIOLATIONS_KEPT_MS = 30 * 24 * 60 * 60_000;
const MAX_PER_RUN = 5_000;

export async function checkDeadlines(pool: pg.Pool, nowMs: number): Promise<{ ran: boolean; settled: number; purged: number }> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows: locked } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok", [EVALUATOR_LOCK]);
    if (!locked[0]?.ok) {
      await client.query("ROLLBACK");
      return { ran: false, settled: 0, purged: 0 };
    }
    const { rows } = await client.query<{ id: string }>(
      `SELECT c.id FROM consistency_checks c JOIN consistency_rules r ON r.id = c.rule_id AND r.enabled
        WHERE c.state = 'waiting' AND c.deadline_at < $1 ORDER BY c.deadline_at LIMIT $2`,
      [new Date(nowMs - INGEST_GRACE_MS), MAX_PER_RUN],
    );
    const settled = await settleChecks(client, rows.map((row) => BigInt(row.id)), nowMs);
    const sightings = await client.query("DELETE FROM consistency_sightings WHERE keep_until < $1", [new Date(nowMs)]);
    // Two statements, each read through its own partial index (an OR would scan every check, every second).
    const met = await client.query("DELETE FROM consistency_checks WHERE state = 'met' AND deadline_at < $1", [new Date(nowMs - MET_KEPT_MS)]);
    const old = await client.query("DELETE FROM consistency_checks WHERE detected_at < $1 AND state IN ('late', 'missing', 'duplicate')", [new Date(nowMs - VIOLATIONS_KEPT_MS)]);
    await client.query("COMMIT");
    return { ran: true, settled, purged: (sightings.rowCount ?? 0) + (met.rowCount ?? 0) + (old.rowCount ?? 0) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
