import type pg from "pg";
import { classifyDeliveries } from "./classify-deliveries";
import { AUDIT_MARGIN_MS, BUSINESS_KEYS, DELIVERY_KINDS, DUPLICATE_FLAG_PATTERN, FLAGGED_TRUE_PATH, finishDeliveriesSql, toDeliveryRow, type DeliverySqlRow } from "./delivery-sql";
import type { DuplicateDeliveriesResponse } from "./schemas";

// GET /api/v1/findings/duplicate-deliveries: the window's deliveries that did nothing because
// the work was already done. Only business keys delivered by two or more traces of the same
// operation, or sent by a span that said it was a duplicate, are examined (at most MAX_GROUPS of them, the most recent), so the audit lookups
// stay few however busy the window; the window's SERVER/CONSUMER spans are read once, over its
// last MAX_SPAN_MS at most (duplicates are a now-problem; a week of spans is not read for them).

type Queryable = Pick<pg.Pool, "query">;

const MAX_GROUPS = 300;
export const MAX_SPAN_MS = 6 * 3_600_000;

export async function listDuplicateDeliveries(db: Queryable, input: { fromMs: number; toMs: number }): Promise<DuplicateDeliveriesResponse> {
  const fromMs = Math.max(input.fromMs, input.toMs - MAX_SPAN_MS);
  const { rows } = await db.query<DeliverySqlRow>(
    `WITH keyed AS MATERIALIZED (
       SELECT s.trace_id, s.service_name, s.name, k.key, s.attributes ->> k.key AS value, s.start_ns, s.attributes,
              jsonb_path_exists(s.attributes, $8::jsonpath) AS flagged
         FROM spans s CROSS JOIN unnest($5::text[]) AS k(key)
        WHERE s.start_time >= $3 AND s.start_time < $4 AND s.kind = ANY($6::smallint[]) AND s.attributes ? k.key
     ),
     repeated AS (
       SELECT service_name, name, key, value, row_number() OVER (ORDER BY max(start_ns) DESC) AS group_rank
         FROM keyed GROUP BY service_name, name, key, value
       HAVING count(DISTINCT trace_id) > 1 OR bool_or(flagged)
        ORDER BY group_rank LIMIT ${MAX_GROUPS + 1}
     ),
     d AS (SELECT k.*, r.group_rank FROM keyed k JOIN repeated r USING (service_name, name, key, value))
     ${finishDeliveriesSql("$7")}`,
    [new Date(fromMs - AUDIT_MARGIN_MS), new Date(input.toMs + AUDIT_MARGIN_MS), new Date(fromMs), new Date(input.toMs), BUSINESS_KEYS, DELIVERY_KINDS, DUPLICATE_FLAG_PATTERN, FLAGGED_TRUE_PATH],
  );
  // One group past the limit is read only to know there were more; it is not examined.
  const examined = rows.filter((row) => row.group_rank <= MAX_GROUPS);
  return { fromMs: input.fromMs, toMs: input.toMs, deliveries: classifyDeliveries(examined.map(toDeliveryRow)), truncated: examined.length < rows.length };
}
