import type { DeliveryRow } from "./classify-deliveries";

// The parts of the delivery reads that both the window listing and the one-trace lookup use,
// so both see the same deliveries: which spans are deliveries, which attributes are business
// keys, how a span says it was a duplicate, and how a delivery row is finished (did its trace
// change audited rows?).

/**
 * Attributes that name the business object a request acted on. Semantic-convention style keys
 * any service may set; the demo's payment callback carries the first three.
 */
export const BUSINESS_KEYS = ["order.id", "payment.id", "payment.idempotency_key", "idempotency.key", "idempotency_key", "messaging.message.id"] as const;

/**
 * A boolean attribute so named (`payment.callback.duplicate`, `idempotency.hit`) is a span's
 * own word on it. Not any `*.hit`: a cache hit is no duplicate.
 */
export const DUPLICATE_FLAG_PATTERN = "(^|[.])(duplicate|idempotency_hit|idempotent_replay)$|^idempotency[.]hit$";

/** The same as a JSON path: does any attribute so named say `true`? */
export const FLAGGED_TRUE_PATH = `$.keyvalue() ? (@.key like_regex "${DUPLICATE_FLAG_PATTERN}" && @.value == true)`;

/** SERVER and CONSUMER: a request or a message handled, i.e. one delivery of some work. */
export const DELIVERY_KINDS = [2, 5];

/** Audit rows are looked for this far around the deliveries (the agent reports within seconds). */
export const AUDIT_MARGIN_MS = 60 * 60_000;

/**
 * Given a relation `d(trace_id, service_name, name, key, value, start_ns, attributes, group_rank)`
 * and parameters $1/$2 bounding the audit search (timestamptz), selects finished delivery rows.
 */
export const finishDeliveriesSql = (flagParam: string) => `
  SELECT encode(d.trace_id, 'hex') AS trace_id, d.service_name, d.name, d.key, d.value, d.start_ns::text AS start_ns, d.group_rank::int AS group_rank,
         EXISTS (SELECT 1 FROM audit_changes a WHERE a.trace_id = d.trace_id AND a.committed_at >= $1 AND a.committed_at < $2) AS changed_rows,
         (SELECT bool_or(f.value = 'true'::jsonb) FROM jsonb_each(d.attributes) f WHERE f.key ~ ${flagParam} AND jsonb_typeof(f.value) = 'boolean') AS flag
    FROM d`;

export interface DeliverySqlRow {
  trace_id: string;
  service_name: string;
  name: string;
  key: string;
  value: string;
  start_ns: string;
  /** the listing's order of a key's group (most recent first); 0 where not ranked */
  group_rank: number;
  changed_rows: boolean;
  flag: boolean | null;
}

export const toDeliveryRow = (row: DeliverySqlRow): DeliveryRow => ({
  traceId: row.trace_id,
  service: row.service_name,
  operation: row.name,
  key: row.key,
  value: row.value,
  startTimeUnixNano: row.start_ns,
  changedRows: row.changed_rows,
  flag: row.flag,
});
