import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";

/** Deleting an SLO deletes its burn-rate rules with it (alert_rules.slo_id ON DELETE CASCADE). */
export async function deleteSlo(pool: pg.Pool, id: string): Promise<{ deleted: true; id: string }> {
  const { rowCount } = await pool.query("DELETE FROM slos WHERE id = $1", [id]);
  if (!rowCount) throw new ApiError("not_found", `no SLO with id ${id}`);
  return { deleted: true, id };
}
