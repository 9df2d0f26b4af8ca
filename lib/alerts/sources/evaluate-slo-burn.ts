import type pg from "pg";
import type { AlertSource } from "@/lib/alerts/schemas";
import { multiWindowBurn } from "@/lib/slo/burn-rate";
import { readSloCounts } from "@/lib/slo/read-slo-counts";
import { sloObjectiveSchema } from "@/lib/slo/schemas";

// The slo-burn alert source: the SLO's burn rate over the long and the short window ending now,
// and the smaller of the two as the value, so the rule's "above 14.4" holds only while both
// windows burn that fast (the SRE workbook's multi-window alert: the long window proves it
// matters, the short one that it is still happening, so the alert resolves soon after a fix).

export async function evaluateSloBurn(
  db: Pick<pg.Pool, "query">,
  source: Extract<AlertSource, { kind: "slo-burn" }>,
  nowMs: number,
): Promise<{ value: number | null; subject?: string; error?: string }> {
  const { rows } = await db.query<{ name: string; service: string; operation: string | null; objective: unknown; target_percent: number }>(
    "SELECT name, service, operation, objective, target_percent FROM slos WHERE id = $1",
    [source.sloId],
  );
  const slo = rows[0];
  if (!slo) return { value: null, error: `the SLO ${source.sloId} no longer exists` };
  const scope = { service: slo.service, operation: slo.operation ?? undefined, objective: sloObjectiveSchema.parse(slo.objective) };
  const [long, short] = await Promise.all([
    readSloCounts(db, scope, nowMs - source.longWindowSeconds * 1_000, nowMs),
    readSloCounts(db, scope, nowMs - source.shortWindowSeconds * 1_000, nowMs),
  ]);
  const value = multiWindowBurn(long, short, slo.target_percent);
  const subject = `burn rate of the SLO "${slo.name}" over ${source.longWindowSeconds / 60} and ${source.shortWindowSeconds / 60} minutes`;
  return value === null ? { value, subject, error: `no requests of ${slo.service}${slo.operation ? ` ${slo.operation}` : ""} in the last ${source.shortWindowSeconds / 60} minutes` } : { value, subject };
}
