import type { AuditChange } from "@/lib/schemas/audit";

// "The row as it was at a moment", from the changes just before and just after that moment:
//   - the last change at or before it: its `after` (null after a DELETE: the row did not exist);
//   - else the first change after it: its `before` (an INSERT's is null: not yet created);
//   - no change on either side: nothing is known.
// Values are as the agent stored them, so a masked column stays masked in every view.
// A column whose value differs between the change before and the `before` of the change after
// was written without a recorded change (an ignored column such as updated_at, or a write while
// the agent was not watching); it is reported, so the page never shows a stale value as certain.

export type RowValues = NonNullable<AuditChange["after"]>;
type Neighbour = Pick<AuditChange, "id" | "op" | "before" | "after" | "committedAt">;

export interface RowAsOf {
  /** present: `row` holds its columns; absent: deleted or not yet inserted; unknown: no change recorded around it. */
  state: "present" | "absent" | "unknown";
  row: RowValues | null;
  /** The change the row is read from, and which side of it. */
  basis: { changeId: string; side: "after" | "before" } | null;
  /** Columns that changed after the basis change without a recorded change: the value shown may be stale. */
  unrecorded: { column: string; next: AuditChange["pk"][string] | null }[];
}

/** Commit times are fixed-width ISO text with microseconds; a moment in ms covers its whole millisecond. */
export const committedBy = (committedAt: string, atMs: number) => committedAt.slice(0, 23) <= new Date(atMs).toISOString().slice(0, 23);

export function reconstructRowAsOf(previous: Neighbour | null, next: Neighbour | null): RowAsOf {
  if (previous) {
    const row = previous.op === "DELETE" ? null : previous.after;
    return { state: row ? "present" : "absent", row, basis: { changeId: previous.id, side: "after" }, unrecorded: unrecordedColumns(row, next) };
  }
  if (next) {
    const row = next.op === "INSERT" ? null : next.before;
    return { state: row ? "present" : "absent", row, basis: { changeId: next.id, side: "before" }, unrecorded: [] };
  }
  return { state: "unknown", row: null, basis: null, unrecorded: [] };
}

function unrecordedColumns(row: RowValues | null, next: Neighbour | null): RowAsOf["unrecorded"] {
  if (!row || !next?.before) return [];
  const later = next.before;
  return [...new Set([...Object.keys(row), ...Object.keys(later)])]
    .filter((column) => JSON.stringify(row[column]) !== JSON.stringify(later[column]))
    .map((column) => ({ column, next: later[column] ?? null }));
}

/** The same, over a row's whole history in commit order (oldest first). */
export function rowAsOfInHistory(history: readonly Neighbour[], atMs: number): RowAsOf {
  const after = history.findIndex((change) => !committedBy(change.committedAt, atMs));
  const previous = after === -1 ? history.at(-1) : after > 0 ? history[after - 1] : undefined;
  const next = after === -1 ? undefined : history[after];
  return reconstructRowAsOf(previous ?? null, next ?? null);
}

export interface RowDiffLine {
  column: string;
  from: AuditChange["pk"][string] | undefined;
  to: AuditChange["pk"][string] | undefined;
  changed: boolean;
}

/** Every column of two states of a row, changed ones first (a missing row has no columns). */
export function diffRowStates(from: RowValues | null, to: RowValues | null): RowDiffLine[] {
  const a = from ?? {};
  const b = to ?? {};
  const lines = [...new Set([...Object.keys(a), ...Object.keys(b)])].map((column) => ({
    column,
    from: a[column],
    to: b[column],
    changed: JSON.stringify(a[column]) !== JSON.stringify(b[column]),
  }));
  return [...lines.filter((l) => l.changed), ...lines.filter((l) => !l.changed)];
}
