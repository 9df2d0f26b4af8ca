import type pg from "pg";
import type { SpanAttributesResponse } from "@/lib/schemas/span-attributes";

// Attribute keys and common values for the search's suggestions, from a sample of spans in the
// window (the first 5,000 the index or BRIN scan yields, not a sort of all of them), so the
// cost stays flat however many spans the window holds. Values longer than 120 characters
// (statements, stack traces, URLs with ids) are never useful suggestions and are left out.

type Queryable = Pick<pg.Pool, "query">;

const SAMPLE = 5_000;
const MAX_KEYS = 100;
const MAX_VALUES = 20;

interface Row {
  key: string;
  count: number;
  values: { value: string; count: number }[];
}

export async function listSpanAttributes(db: Queryable, input: { fromMs: number; toMs: number; service?: string | undefined }): Promise<SpanAttributesResponse> {
  const { rows } = await db.query<Row & { sampled: number }>(
    `WITH sample AS (
       SELECT attributes, resource_id
         FROM spans
        WHERE start_time >= $1::timestamptz AND start_time < $2::timestamptz
          AND ($3::text IS NULL OR service_name = $3::text)
        LIMIT ${SAMPLE}
     ),
     kv AS (
       SELECT a.key, CASE WHEN jsonb_typeof(a.value) IN ('string', 'number', 'boolean') THEN a.value #>> '{}' END AS value
         FROM sample, jsonb_each(sample.attributes) a
       UNION ALL
       SELECT a.key, CASE WHEN jsonb_typeof(a.value) IN ('string', 'number', 'boolean') THEN a.value #>> '{}' END
         FROM sample JOIN resources r ON r.id = sample.resource_id, jsonb_each(r.attributes) a
        WHERE a.key <> 'service.name'
     ),
     keys AS (
       SELECT key, count(*)::int AS n FROM kv GROUP BY key ORDER BY n DESC, key LIMIT ${MAX_KEYS}
     ),
     vals AS (
       SELECT kv.key, kv.value, count(*)::int AS n,
              row_number() OVER (PARTITION BY kv.key ORDER BY count(*) DESC, kv.value) AS rank
         FROM kv JOIN keys ON keys.key = kv.key
        WHERE kv.value IS NOT NULL AND length(kv.value) <= 120
        GROUP BY kv.key, kv.value
     )
     SELECT k.key, k.n AS count,
            coalesce(json_agg(json_build_object('value', v.value, 'count', v.n) ORDER BY v.n DESC, v.value)
                       FILTER (WHERE v.rank <= ${MAX_VALUES}), '[]') AS values,
            (SELECT count(*)::int FROM sample) AS sampled
       FROM keys k LEFT JOIN vals v ON v.key = k.key
      GROUP BY k.key, k.n
      ORDER BY k.n DESC, k.key`,
    [new Date(input.fromMs).toISOString(), new Date(input.toMs).toISOString(), input.service ?? null],
  );
  return {
    attributes: rows.map((row) => ({ key: row.key, count: row.count, values: row.values })),
    sampled: rows[0]?.sampled ?? 0,
  };
}
