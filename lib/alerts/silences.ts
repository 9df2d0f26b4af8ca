import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import type { Silence, SilenceBody } from "./schemas";

// Silences: while one covers a rule (rule-json.ts SILENCE_MATCHES), the rule's events are
// marked silenced and notify nobody; the rule still changes state, so history stays true.
// Ending one (DELETE) sets its end to now; one that has not started yet is simply removed.

const SELECT = `SELECT id, rule_id, matchers, extract(epoch FROM starts_at) * 1000 AS starts_ms, extract(epoch FROM ends_at) * 1000 AS ends_ms,
                       reason, created_by, (starts_at <= $1 AND ends_at > $1) AS active
                  FROM alert_silences`;

interface SilenceRow {
  id: string;
  rule_id: string | null;
  matchers: Record<string, string>;
  starts_ms: string;
  ends_ms: string;
  reason: string;
  created_by: string;
  active: boolean;
}

const silenceJson = (row: SilenceRow): Silence => ({
  id: row.id,
  ruleId: row.rule_id,
  matchers: row.matchers,
  startsAtMs: Math.round(Number(row.starts_ms)),
  endsAtMs: Math.round(Number(row.ends_ms)),
  reason: row.reason,
  createdBy: row.created_by,
  active: row.active,
});

/** Active and upcoming first (by end), then those ended in the last 7 days, latest first. */
export async function listSilences(db: Pick<pg.Pool, "query">, nowMs: number): Promise<{ silences: Silence[] }> {
  const { rows } = await db.query<SilenceRow>(
    `${SELECT} WHERE ends_at > $1::timestamptz - interval '7 days'
      ORDER BY (ends_at > $1) DESC, CASE WHEN ends_at > $1 THEN ends_at END ASC, ends_at DESC LIMIT 500`,
    [new Date(nowMs)],
  );
  return { silences: rows.map(silenceJson) };
}

export async function createSilence(db: Pick<pg.Pool, "query">, body: SilenceBody, createdBy: string, nowMs: number): Promise<Silence> {
  const startsAtMs = body.startsAtMs ?? nowMs;
  if (body.endsAtMs <= startsAtMs) throw new ApiError("bad_request", "endsAtMs: must be after the start (now when startsAtMs is absent)");
  if (body.ruleId) {
    const { rowCount } = await db.query("SELECT 1 FROM alert_rules WHERE id = $1", [body.ruleId]);
    if (!rowCount) throw new ApiError("bad_request", `ruleId: no alert rule with id ${body.ruleId}`);
  }
  const { rows } = await db.query<SilenceRow>(
    `WITH created AS (
       INSERT INTO alert_silences (rule_id, matchers, starts_at, ends_at, reason, created_by) VALUES ($2, $3, $4, $5, $6, $7) RETURNING *)
     ${SELECT.replace("FROM alert_silences", "FROM created")}`,
    [new Date(nowMs), body.ruleId ?? null, JSON.stringify(body.matchers), new Date(startsAtMs), new Date(body.endsAtMs), body.reason, createdBy],
  );
  return silenceJson(rows[0]!);
}

export async function endSilence(db: Pick<pg.Pool, "query">, id: string, nowMs: number): Promise<{ ended: true; id: string }> {
  const now = new Date(nowMs);
  const { rowCount: removed } = await db.query("DELETE FROM alert_silences WHERE id = $1 AND starts_at >= $2", [id, now]);
  if (removed) return { ended: true, id };
  const { rowCount } = await db.query("UPDATE alert_silences SET ends_at = LEAST(ends_at, $2) WHERE id = $1", [id, now]);
  if (!rowCount) throw new ApiError("not_found", `no silence with id ${id}`);
  return { ended: true, id };
}
