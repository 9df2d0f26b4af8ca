import type pg from "pg";
import { SLO_SELECT, sloWithLevel, type SloRow } from "./slo-json";
import type { Slo } from "./schemas";

/** Every SLO by name, each with its level and budget over its own window ending now. */
export async function listSlos(db: pg.Pool, nowMs = Date.now()): Promise<{ slos: Slo[] }> {
  const { rows } = await db.query<SloRow>(`${SLO_SELECT} ORDER BY s.name`);
  // One rollup read per SLO, side by side: each is a few thousand hour rows at most.
  const slos = await Promise.all(rows.map(async (row) => (await sloWithLevel(db, row, nowMs)).slo));
  return { slos };
}
