import type pg from "pg";
import { pgJson, pgText } from "@/lib/ingest/store/pg-safe";
import { utcDay } from "@/lib/utc-day";
import { withTransaction } from "@/lib/db/with-transaction";
import type { AuditChangeInput, AuditStoreResult } from "@/lib/schemas/audit";

// One batch of row changes from the db agent, written with one multi-row INSERT in one
// transaction. The agent's ids are stable (and its commit times are stamped once), so a re-sent
// batch hits the (id, committed_at) key and is stored once. NUL and lone surrogates, which
// PostgreSQL cannot hold, become U+FFFD as in OTLP ingest (pg-safe.ts). The changes really
// inserted (never a re-sent one) are queued for the consistency evaluator in the same statement,
// so a change is evaluated once and only once it is stored; nothing is queued while no rule is on.

export async function storeAuditChanges(pool: pg.Pool, changes: AuditChangeInput[]): Promise<AuditStoreResult> {
  if (changes.length === 0) return { inserted: 0, duplicates: 0 };
  const days = new Set(changes.map((c) => utcDay(Date.parse(c.committedAt))));
  const inserted = await withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ inserted: string }>(
      `WITH stored AS (
       INSERT INTO audit_changes (committed_at, id, database, schema_name, table_name, op, pk, before, after, changed_columns,
                                  actor, db_user, application_name, statement, txid, trace_id, span_id)
       SELECT u.committed_at, u.id, u.database, u.schema_name, u.table_name, u.op, u.pk, u.before, u.after,
              ARRAY(SELECT jsonb_array_elements_text(u.changed)), u.actor, u.db_user, u.application_name, u.statement,
              u.txid, decode(u.trace_id, 'hex'), decode(u.span_id, 'hex')
         FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::jsonb[],
                     $10::jsonb[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[], $16::text[], $17::text[])
           AS u(committed_at, id, database, schema_name, table_name, op, pk, before, after, changed, actor, db_user, application_name,
                statement, txid, trace_id, span_id)
       ON CONFLICT (id, committed_at) DO NOTHING
       RETURNING id, committed_at),
       queued AS (
       INSERT INTO consistency_queue (change_id, committed_at)
       SELECT id, committed_at FROM stored WHERE EXISTS (SELECT 1 FROM consistency_rules WHERE enabled))
       SELECT count(*) AS inserted FROM stored`,
      [
        changes.map((c) => c.committedAt),
        changes.map((c) => pgText(c.id)),
        changes.map((c) => pgText(c.database)),
        changes.map((c) => pgText(c.schema)),
        changes.map((c) => pgText(c.table)),
        changes.map((c) => c.op),
        changes.map((c) => pgJson(c.pk)),
        changes.map((c) => (c.before === null ? null : pgJson(c.before))),
        changes.map((c) => (c.after === null ? null : pgJson(c.after))),
        changes.map((c) => pgJson(c.changedColumns)),
        changes.map((c) => pgText(c.actor)),
        changes.map((c) => pgText(c.dbUser)),
        changes.map((c) => pgText(c.applicationName)),
        changes.map((c) => pgText(c.statement)),
        changes.map((c) => c.txid),
        changes.map((c) => c.traceId),
        changes.map((c) => c.spanId),
      ],
    );
    return Number(rows[0]?.inserted ?? 0);
  }, { partitions: [["audit_changes", days]] });
  return { inserted, duplicates: changes.length - inserted };
}
