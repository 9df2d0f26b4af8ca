import type pg from "pg";
import { spanKindName } from "@/lib/query/span-codes";
import { ENTRY_KINDS, statsOf } from "./build-service-health";
import { computeImpact } from "./compute-impact";
import { readOperationRollups } from "./read-operation-rollups";
import type { ServiceOperationsResponse } from "./schemas";

// GET /api/v1/services/{service}/operations: each operation of one service with its rate,
// error share, p95 and impact, from the rollups.

type Queryable = Pick<pg.Pool, "query">;


export async function getServiceOperations(db: Queryable, input: { service: string; fromMs: number; toMs: number }): Promise<ServiceOperationsResponse> {
  const { operations, sampled } = await readOperationRollups(db, input);
  const seconds = (input.toMs - input.fromMs) / 1_000;
  const rows = operations.map((op) => {
    const stats = statsOf([op], seconds);
    return {
      name: op.operation,
      kind: spanKindName(op.kind),
      entry: ENTRY_KINDS.has(op.kind),
      count: stats.count,
      rate: stats.rate,
      errorRate: stats.errorRate,
      p95: stats.p95,
      durationSumNs: op.sums.durationSumNs,
    };
  });
  return {
    operations: computeImpact(rows).map(({ entry: _entry, durationSumNs, ...row }) => ({ ...row, durationSumMs: durationSumNs / 1e6 })),
    percentilesSampled: sampled,
  };
}
