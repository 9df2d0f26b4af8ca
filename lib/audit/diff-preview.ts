import type { AuditChange } from "@/lib/schemas/audit";
import { diffAuditChange } from "@/lib/trace/audit-diff";

// The one-line preview of a change in the results table: the changed columns of an UPDATE as
// "column: before → after", the written values of an INSERT, the removed ones of a DELETE.
// Cut to `max` characters; the drawer shows the whole change.

export function previewAuditChange(change: Pick<AuditChange, "op" | "before" | "after" | "changedColumns">, max = 300): string {
  const parts = diffAuditChange(change)
    .filter((line) => line.changed)
    .map((line) => {
      if (change.op === "INSERT") return `${line.column}: ${line.after ?? ""}`;
      if (change.op === "DELETE") return `${line.column}: ${line.before ?? ""}`;
      return `${line.column}: ${line.before ?? ""} → ${line.after ?? ""}`;
    });
  const text = parts.join(", ");
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
