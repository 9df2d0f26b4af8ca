import { SqlParams } from "@/lib/query/sql-params";
import { histogramQuantileNs } from "@/lib/rollup/latency-buckets";
import { rollupSource } from "@/lib/rollup/rollup-source";
import type { AlertSource } from "../schemas";
import type { Db, SourceValue } from "./source-value";

// RED over the window from the per-minute rollups (the rows GET /api/v1/red reads): one
// statement sums the counts and the latency histograms of the window's minutes, so a rule costs
// a few rows per operation and minute, never a scan of spans. The minute holding `now` is
// partial; it counts as it stands (an error burst shows at once rather than a minute late).
// Fewer requests than minRequests: no value, so a quiet night does not page on 1 error of 2.

type RedSource = Extract<AlertSource, { kind: "red" }>;

const LABEL: Record<RedSource["measure"], string> = {
  "error-percent": "error %",
  "timeout-percent": "timeout %",
  "p50-ms": "p50 latency (ms)",
  "p95-ms": "p95 latency (ms)",
  "p99-ms": "p99 latency (ms)",
  "requests-per-second": "requests per second",
};

export async function evaluateRed(db: Db, source: RedSource, nowMs: number): Promise<SourceValue> {
  const params = new SqlParams();
  const conditions = [`service_name = ${params.add(source.service, "text")}`];
  if (source.operation !== undefined) conditions.push(`operation = ${params.add(source.operation, "text")}`);
  const rows = rollupSource(params, { fromMs: nowMs - source.windowSeconds * 1_000, toMs: nowMs, conditions, hours: false });
  const { rows: result } = await db.query<{ count: number; errors: number; timeouts: number; histogram: number[] | null }>(
    `SELECT coalesce(sum(r.count), 0)::float8 AS count, coalesce(sum(r.errors), 0)::float8 AS errors, coalesce(sum(r.timeouts), 0)::float8 AS timeouts,
            (SELECT array_agg(c ORDER BY i) FROM (SELECT u.i, sum(u.c)::float8 AS c FROM ${rows} h CROSS JOIN LATERAL unnest(h.histogram) WITH ORDINALITY AS u(c, i) GROUP BY u.i) cells) AS histogram
       FROM ${rows} r`,
    params.values,
  );
  const { count, errors, timeouts, histogram } = result[0]!;
  const subject = `${LABEL[source.measure]} of ${source.service}${source.operation ? ` (${source.operation})` : ""}`;
  if (source.measure === "requests-per-second") return { value: count / source.windowSeconds, subject };
  if (count < Math.max(1, source.minRequests)) return { value: null, subject };
  switch (source.measure) {
    case "error-percent":
      return { value: (errors / count) * 100, subject };
    case "timeout-percent":
      return { value: (timeouts / count) * 100, subject };
    default: {
      const q = source.measure === "p50-ms" ? 0.5 : source.measure === "p95-ms" ? 0.95 : 0.99;
      const ns = histogramQuantileNs(histogram ?? [], q);
      return { value: ns === null ? null : ns / 1e6, subject };
    }
  }
}
