import type pg from "pg";
import { spanKindName } from "@/lib/query/span-codes";
import { ENTRY_KINDS, statsOf } from "./build-service-health";
import { MIN_REQUESTS } from "./compare-to-baseline";
import { readOperationRollups } from "./read-operation-rollups";
import type { WorstOperationsResponse } from "./schemas";

// GET /api/v1/worst-operations: the endpoints hurting now (the overview asks for the last 15
// minutes): the slowest requests by p95 and the most failing by error share. Operations with
// too little traffic are left out, so one slow request is not "the worst endpoint".

type Queryable = Pick<pg.Pool, "query">;

const MIN_ERRORS = 3;

export async function getWorstOperations(db: Queryable, input: { fromMs: number; toMs: number; limit: number }): Promise<WorstOperationsResponse> {
  const { operations } = await readOperationRollups(db, input);
  const seconds = (input.toMs - input.fromMs) / 1_000;
  const rows = operations
    .filter((op) => ENTRY_KINDS.has(op.kind))
    .map((op) => {
      const stats = statsOf([op], seconds);
      return { service: op.service, operation: op.operation, kind: spanKindName(op.kind), count: stats.count, errors: stats.errors, errorRate: stats.errorRate, p95: stats.p95 };
    });
  const busy = rows.filter((row) => row.count >= MIN_REQUESTS);
  const strip = ({ errors: _errors, ...row }: (typeof rows)[number]) => row;
  return {
    slowest: busy.filter((row) => row.p95 !== null).sort((a, b) => b.p95! - a.p95!).slice(0, input.limit).map(strip),
    failing: rows
      .filter((row) => row.errors >= MIN_ERRORS)
      .sort((a, b) => (b.errorRate ?? 0) - (a.errorRate ?? 0) || b.errors - a.errors)
      .slice(0, input.limit)
      .map(strip),
  };
}
