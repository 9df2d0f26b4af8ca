import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import { SLO_SELECT, sloWithLevel, type SloRow } from "./slo-json";
import type { Slo } from "./schemas";

export async function getSlo(db: pg.Pool | pg.PoolClient, id: string, nowMs = Date.now()): Promise<Slo> {
  const { rows } = await db.query<SloRow>(`${SLO_SELECT} WHERE s.id = $1`, [id]);
  if (!rows[0]) throw new ApiError("not_found", `no SLO with id ${id}`);
  return (await sloWithLevel(db, rows[0], nowMs)).slo;
}
