import type { AuditChange } from "@/lib/schemas/audit";

// One audited row change as lines of "column: before → after". An UPDATE lists the columns it
// changed first (the agent's `changedColumns`, or a value comparison when that is empty), then
// the untouched ones; INSERT has only "after", DELETE only "before". Values are shown as text:
// strings as they are, everything else as JSON, `null` as null.

export interface AuditDiffLine {
  column: string;
  before: string | undefined;
  after: string | undefined;
  changed: boolean;
}

type JsonValue = AuditChange["pk"][string];

export function formatJsonValue(value: JsonValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export function diffAuditChange(change: Pick<AuditChange, "op" | "before" | "after" | "changedColumns">): AuditDiffLine[] {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const columns = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const declared = new Set(change.changedColumns);
  const isChanged = (column: string) => {
    if (change.op !== "UPDATE") return true;
    if (declared.size > 0) return declared.has(column);
    return JSON.stringify(before[column]) !== JSON.stringify(after[column]);
  };
  const lines = columns.map((column) => ({
    column,
    before: change.op === "INSERT" ? undefined : formatJsonValue(before[column]),
    after: change.op === "DELETE" ? undefined : formatJsonValue(after[column]),
    changed: isChanged(column),
  }));
  return [...lines.filter((l) => l.changed), ...lines.filter((l) => !l.changed)];
}

/** `{"id":42}` → `id=42`; several columns joined by ", ". */
export function describePrimaryKey(pk: AuditChange["pk"]): string {
  return Object.entries(pk)
    .map(([column, value]) => `${column}=${formatJsonValue(value)}`)
    .join(", ");
}
