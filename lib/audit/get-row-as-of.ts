import type pg from "pg";
import { listAuditChanges } from "@/lib/audit/list-audit-changes";
import { reconstructRowAsOf } from "@/lib/audit/reconstruct-row";
import type { AuditRowAsOfResponse } from "@/lib/schemas/audit";
import type { z } from "zod";
import type { auditRowAsOfQuerySchema } from "@/lib/schemas/audit";

// GET /api/v1/audit/row: the row as it was at a moment. Two index lookups on (table, pk, time),
// the change just before the moment and the one just after, then the pure rule of
// reconstruct-row.ts, which the history page also applies to the history it shows.

export async function getRowAsOf(db: Pick<pg.Pool, "query">, query: z.output<typeof auditRowAsOfQuerySchema>): Promise<AuditRowAsOfResponse> {
  const row = { database: query.database, table: query.table, pk: query.pk, limit: 1 };
  // `to` is exclusive: up to the end of the moment's millisecond, as committedBy() reads it.
  const [previous, next] = await Promise.all([
    listAuditChanges(db, { ...row, to: query.at + 1, order: "desc" }),
    listAuditChanges(db, { ...row, from: query.at + 1, order: "asc" }),
  ]);
  return reconstructRowAsOf(previous.changes[0] ?? null, next.changes[0] ?? null);
}
