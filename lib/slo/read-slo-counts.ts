import type pg from "pg";
import { SqlParams } from "@/lib/query/sql-params";
import { rollupSource } from "@/lib/rollup/rollup-source";
import { badExpression, sloConditions, type SloScope } from "./slo-filter";

// Bad and total requests of an SLO over one window, from the rollups (whole hours from the hour
// table): the number behind its level, its budget and a burn-rate alert's value.

type Queryable = Pick<pg.Pool, "query">;

export interface SloCounts {
  bad: number;
  total: number;
}

export async function readSloCounts(db: Queryable, scope: SloScope, fromMs: number, toMs: number): Promise<SloCounts> {
  const params = new SqlParams();
  const source = rollupSource(params, { fromMs, toMs, conditions: sloConditions(params, scope), hours: true });
  const bad = badExpression(params, scope.objective);
  const { rows } = await db.query<{ bad: number | null; total: number | null }>(`SELECT sum(${bad})::float8 AS bad, sum(r.count)::float8 AS total FROM ${source} r`, params.values);
  return { bad: rows[0]?.bad ?? 0, total: rows[0]?.total ?? 0 };
}
