import type pg from "pg";
import { refuseSloRule } from "./check-rule-body";

/** Deletes a rule with its history and pending notifications (ON DELETE CASCADE). */
export async function deleteAlertRule(db: pg.Pool, id: string): Promise<{ deleted: true; id: string }> {
  await refuseSloRule(db, id);
  await db.query("DELETE FROM alert_rules WHERE id = $1", [id]);
  return { deleted: true, id };
}
