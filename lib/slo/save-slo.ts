import type pg from "pg";
import { checkContactIds } from "@/lib/alerts/check-rule-body";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { ApiError } from "@/lib/http/api-error";
import { getSlo } from "./get-slo";
import type { Slo, SloBody } from "./schemas";
import { writeBurnRules } from "./write-burn-rules";

// Creates an SLO (id null) or replaces one, with its burn-rate rules, in one transaction: an SLO
// never exists without the rules it asked for, nor rules without their SLO.

const COLUMNS = [
  "name",
  "description",
  "service",
  "operation",
  "objective",
  "target_percent",
  "window_days",
  "alerts",
  "contact_ids",
  "open_incident",
] as const;

function columnValues(body: SloBody): unknown[] {
  return [body.name, body.description, body.service, body.operation ?? null, JSON.stringify(body.objective), body.targetPercent, body.windowDays, body.alerts, body.contactIds, body.openIncident];
}

export async function saveSlo(pool: pg.Pool, id: string | null, body: SloBody, extra: { builtIn?: boolean; key?: string } = {}): Promise<Slo> {
  await checkContactIds(pool, body.contactIds);
  const client = await pool.connect();
  let savedId: string;
  try {
    await client.query("BEGIN");
    if (id === null) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO slos (${COLUMNS.join(", ")}, built_in, key) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(", ")}, $11, $12) RETURNING id`,
        [...columnValues(body), extra.builtIn ?? false, extra.key ?? null],
      );
      savedId = rows[0]!.id;
    } else {
      const { rowCount } = await client.query(`UPDATE slos SET ${COLUMNS.map((c, i) => `${c} = $${i + 1}`).join(", ")}, updated_at = now() WHERE id = $11`, [...columnValues(body), id]);
      if (!rowCount) throw new ApiError("not_found", `no SLO with id ${id}`);
      savedId = id;
    }
    await writeBurnRules(client, savedId, body);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    // The SLO's name, or a burn-rate rule's name derived from it, is taken.
    if (isUniqueViolation(error)) throw new ApiError("conflict", `an SLO or alert rule named "${body.name}" (or its burn-rate rules) already exists`);
    throw error;
  } finally {
    client.release();
  }
  return getSlo(pool, savedId);
}
