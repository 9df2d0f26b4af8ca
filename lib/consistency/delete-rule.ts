import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";

/** Deleting a rule deletes its checks and violations with it. */
export async function deleteRule(pool: pg.Pool, id: string): Promise<{ deleted: true; id: string }> {
  const { rowCount } = await pool.query("DELETE FROM consistency_rules WHERE id = $1", [id]);
  if (!rowCount) throw new ApiError("not_found", `no consistency rule with id ${id}`);
  return { deleted: true, id };
}
