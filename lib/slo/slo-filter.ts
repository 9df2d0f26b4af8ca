import type { SqlParams } from "@/lib/query/sql-params";
import { bucketIndex } from "@/lib/rollup/latency-buckets";
import type { SloObjective } from "./schemas";

// What an SLO counts, as SQL over the rollup relation `r` (lib/rollup/rollup-source.ts): which
// rows (the service's server and consumer spans, or one operation's) and which requests are bad.

/** OTLP span kinds SERVER (2) and CONSUMER (5): the requests a service answers. */
const ANSWERED_KINDS = [2, 5];

export interface SloScope {
  service: string;
  operation?: string | undefined;
  objective: SloObjective;
}

/** Unqualified conditions on the rollup columns, for rollupSource's `conditions`. */
export function sloConditions(params: SqlParams, scope: SloScope): string[] {
  const conditions = [`service_name = ${params.add(scope.service, "text")}`, `kind = ANY(${params.add(ANSWERED_KINDS, "smallint[]")})`];
  if (scope.operation !== undefined) conditions.push(`operation = ${params.add(scope.operation, "text")}`);
  return conditions;
}

/**
 * A SQL expression of one rollup row's bad requests.
 * Availability: the rollups count errors and timeouts apart without their overlap; a timed-out
 * server span is almost always an error too, so the larger of the two is the row's bad count
 * (never above `count`, and exact whenever timeouts are errors).
 * Latency: the requests in the histogram bucket holding the threshold and above it, so the
 * count errs by at most one bucket (19%) towards "bad" — an SLO should not flatter itself.
 */
export function badExpression(params: SqlParams, objective: SloObjective): string {
  if (objective.kind === "availability") return "greatest(r.errors, r.timeouts)";
  const from = bucketIndex(objective.thresholdMs * 1_000_000) + 1; // WITH ORDINALITY counts from 1
  return `(SELECT coalesce(sum(u.c), 0) FROM unnest(r.histogram) WITH ORDINALITY AS u(c, i) WHERE u.i >= ${params.add(from, "int")})`;
}
