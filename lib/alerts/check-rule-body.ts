import type pg from "pg";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { ApiError } from "@/lib/http/api-error";
import type { AlertRuleBody } from "./schemas";

// What the schema cannot see: every contact point and SLO named must exist; and the burn-rate
// rules an SLO created belong to it (its settings decide them; edited here they would drift).

export async function checkRuleBody(db: Pick<pg.Pool, "query">, body: AlertRuleBody): Promise<void> {
  await checkContactIds(db, body.contactIds);
  if (body.source.kind === "slo-burn") {
    // A rule of one's own on an SLO's burn rate (another threshold or windows) is fine; the SLO must exist.
    const { rowCount } = await db.query("SELECT 1 FROM slos WHERE id = $1", [body.source.sloId]);
    if (!rowCount) throw new ApiError("bad_request", `source.sloId: no SLO with id ${body.source.sloId}`);
  }
}

/** Every contact point named exists (a rule's, or an SLO's for its burn-rate rules): else a 400 naming `contactIds.N`. */
export async function checkContactIds(db: Pick<pg.Pool, "query">, contactIds: string[]): Promise<void> {
  if (!contactIds.length) return;
  const { rows } = await db.query<{ id: string }>("SELECT id::text FROM alert_contacts WHERE id = ANY($1::uuid[])", [contactIds]);
  const known = new Set(rows.map((row) => row.id));
  const missing = contactIds.findIndex((id) => !known.has(id));
  if (missing >= 0) throw new ApiError("bad_request", `contactIds.${missing}: no contact point with id ${contactIds[missing]}`);
}

/** Refuses changes to a rule an SLO created: 409 naming why, so the caller edits the SLO instead. */
export async function refuseSloRule(db: Pick<pg.Pool, "query">, id: string): Promise<void> {
  const { rows } = await db.query<{ slo_id: string | null }>("SELECT slo_id::text FROM alert_rules WHERE id = $1", [id]);
  if (!rows[0]) throw new ApiError("not_found", `no alert rule with id ${id}`);
  if (rows[0].slo_id) throw new ApiError("conflict", `alert rule ${id} was created by SLO ${rows[0].slo_id}; change it through the SLO (PUT /api/v1/slos/${rows[0].slo_id})`);
}

/** A save refused by the unique name: a 409 naming the name; anything else as it was. */
export function alertNameConflict(error: unknown, what: string, name: string): never {
  if (isUniqueViolation(error)) throw new ApiError("conflict", `${what} named "${name}" already exists`);
  throw error;
}
