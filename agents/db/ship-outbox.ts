import type pg from "pg";
import type { AuditChangeInput, AuditIngestResponse } from "@/lib/schemas/audit";
import { parseTraceparent } from "./parse-traceparent";
import type { SightlineClient } from "./sightline-client";
import { tagSql } from "./tag-sql";

// Outbox → Sightline, at-least-once with idempotent ids: read a batch in id order, POST it, and
// delete exactly those rows only after Sightline answered 2xx (it has committed them by then).
// A crash anywhere in between leaves the rows to be sent again, and Sightline stores each id once.

export const AUDIT_INGEST_PATH = "/api/v1/ingest/audit";

interface OutboxRow {
  id: string;
  table_schema: string;
  table_name: string;
  op: "INSERT" | "UPDATE" | "DELETE";
  pk: Record<string, unknown>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changed_columns: string[];
  txid: string;
  db_user: string | null;
  application_name: string | null;
  statement: string | null;
  traceparent: string | null;
  actor: string | null;
  committed_at: string;
}

/**
 * Gives unstamped rows their commit time, then reads the oldest `limit` rows. The stamp is
 * written once, before the first send, so every re-send carries the same committed_at (part of
 * Sightline's unique key). It is the transaction's real commit time when the server runs with
 * track_commit_timestamp=on, else the time the trigger ran (clock_timestamp()).
 */
export async function readOutboxBatch(db: Pick<pg.Pool, "query">, limit: number, trackCommitTimestamp: boolean): Promise<OutboxRow[]> {
  await db.query(
    tagSql(`UPDATE sightline_audit.outbox o
        SET committed_at = coalesce(CASE WHEN $2::boolean THEN pg_xact_commit_timestamp(o.xmin) END, o.changed_at)
      WHERE o.id IN (SELECT id FROM sightline_audit.outbox WHERE committed_at IS NULL ORDER BY id LIMIT $1)`),
    [limit, trackCommitTimestamp],
  );
  const { rows } = await db.query<OutboxRow>(
    tagSql(`SELECT o.id::text, o.table_schema, o.table_name, o.op,
            sightline_audit.js_safe(o.pk) AS pk, sightline_audit.js_safe(o.before) AS before, sightline_audit.js_safe(o.after) AS after,
            o.changed_columns, o.txid::text, o.db_user, o.application_name, o.statement, o.traceparent, o.actor,
            to_char(o.committed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS committed_at
       FROM sightline_audit.outbox o
      WHERE o.committed_at IS NOT NULL
      ORDER BY o.id
      LIMIT $1`),
    [limit],
  );
  return rows;
}

export function toAuditChange(row: OutboxRow, database: string, installToken: string): AuditChangeInput {
  const trace = parseTraceparent(row.traceparent);
  return {
    id: `${database}:${installToken}:${row.id}`,
    database,
    schema: row.table_schema,
    table: row.table_name,
    op: row.op,
    pk: row.pk as AuditChangeInput["pk"],
    before: row.before as AuditChangeInput["before"],
    after: row.after as AuditChangeInput["after"],
    changedColumns: row.changed_columns,
    actor: row.actor,
    dbUser: row.db_user,
    applicationName: row.application_name,
    statement: row.statement,
    txid: row.txid,
    traceId: trace?.traceId ?? null,
    spanId: trace?.spanId ?? null,
    committedAt: row.committed_at,
  };
}

export interface ShipResult {
  shipped: number;
  duplicates: number;
  /** Changes Sightline refused as items (a field it cannot store); they are gone from the outbox. */
  refused: number;
  /** Why, for the first few refused changes. */
  refusals: string[];
  batches: number;
}

export interface ShipOptions {
  database: string;
  installToken: string;
  batchSize: number;
  trackCommitTimestamp: boolean;
  /** Stop starting new batches after this long, so one busy interval does not starve the rest. */
  budgetMs: number;
  /** Called with each request body before it is sent (tests inspect what leaves the agent). */
  onSend?: (changes: AuditChangeInput[]) => void;
}

/** Ships batches until the outbox is drained or the time budget is spent. Throws on the first failure. */
export async function shipOutbox(db: Pick<pg.Pool, "query">, sightline: SightlineClient, options: ShipOptions): Promise<ShipResult> {
  const started = Date.now();
  const result: ShipResult = { shipped: 0, duplicates: 0, refused: 0, refusals: [], batches: 0 };
  for (;;) {
    const rows = await readOutboxBatch(db, options.batchSize, options.trackCommitTimestamp);
    if (rows.length === 0) return result;
    const changes = rows.map((row) => toAuditChange(row, options.database, options.installToken));
    options.onSend?.(changes);
    const answer = await sightline.postJson<AuditIngestResponse>(AUDIT_INGEST_PATH, { changes });
    // Acknowledged: Sightline committed these. Deleting by id (not "up to id") leaves rows of
    // transactions that committed after this batch was read for the next round.
    await db.query(tagSql("DELETE FROM sightline_audit.outbox WHERE id = ANY($1::bigint[])"), [rows.map((r) => r.id)]);
    result.shipped += answer.inserted;
    result.duplicates += answer.duplicates;
    // Refused items will be refused again whatever happens: said, not retried.
    result.refused += answer.rejected ?? 0;
    result.refusals.push(...(answer.errors ?? []).slice(0, 3 - result.refusals.length));
    result.batches++;
    if (rows.length < options.batchSize || Date.now() - started > options.budgetMs) return result;
  }
}

/** Rows waiting in the outbox; max − min + 1 over the primary key is cheap and close enough. */
export async function outboxBacklog(db: Pick<pg.Pool, "query">): Promise<number> {
  const { rows } = await db.query<{ backlog: string | null }>(tagSql("SELECT (max(id) - min(id) + 1)::text AS backlog FROM sightline_audit.outbox"));
  return Number(rows[0]?.backlog ?? 0);
}

export async function readInstallToken(db: Pick<pg.Pool, "query">): Promise<string> {
  const { rows } = await db.query<{ token: string }>(tagSql("SELECT token FROM sightline_audit.installation"));
  if (!rows[0]) throw new Error("sightline_audit.installation is empty: reinstall the audit schema");
  return rows[0].token;
}
