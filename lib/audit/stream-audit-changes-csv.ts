import type pg from "pg";
import { previewAuditChange } from "@/lib/audit/diff-preview";
import { csvRecord, csvRecords } from "@/lib/audit/format-csv";
import { listAuditChanges, type AuditChangesCursor } from "@/lib/audit/list-audit-changes";
import type { AuditChange, AuditChangesExportQuery } from "@/lib/schemas/audit";
import { describePrimaryKey } from "@/lib/trace/audit-diff";

// GET /api/v1/audit/changes/export: the search as CSV, streamed. Pages of `pageSize` changes are
// read with a keyset cursor only when the client has taken the previous one (a pull stream), so a
// million-row export holds one page in memory, never the result.

export const AUDIT_CSV_COLUMNS = [
  "committed_at",
  "database",
  "schema",
  "table",
  "op",
  "pk",
  "change",
  "actor",
  "db_user",
  "application",
  "txid",
  "trace_id",
  "span_id",
  "changed_columns",
  "statement",
  "before",
  "after",
  "id",
] as const;

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

function changeFields(change: AuditChange): (string | null)[] {
  return [
    change.committedAt,
    change.database,
    change.schema,
    change.table,
    change.op,
    describePrimaryKey(change.pk),
    previewAuditChange(change, Number.MAX_SAFE_INTEGER),
    change.actor,
    change.dbUser,
    change.applicationName,
    change.txid === null ? null : String(change.txid),
    change.traceId,
    change.spanId,
    change.changedColumns.join(" "),
    change.statement,
    json(change.before),
    json(change.after),
    change.id,
  ];
}

export function streamAuditChangesCsv(db: Pick<pg.Pool, "query">, query: AuditChangesExportQuery, pageSize = 1_000): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let sent = 0;
  let cursor: AuditChangesCursor | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(csvRecord(AUDIT_CSV_COLUMNS)));
          return;
        }
        const limit = Math.min(pageSize, query.limit - sent);
        const { changes } = limit > 0 ? await listAuditChanges(db, { ...query, limit }, cursor) : { changes: [] };
        if (changes.length > 0) controller.enqueue(encoder.encode(csvRecords(changes.map(changeFields))));
        sent += changes.length;
        const last = changes.at(-1);
        if (!last || changes.length < limit) controller.close();
        else cursor = { committedAt: last.committedAt, id: last.id };
      },
    },
    { highWaterMark: 1 },
  );
}
