import type { FrozenIncident } from "./schemas";

// Two copies of one incident's evidence made one, never smaller than either: a copy is read from
// telemetry that retention may be dropping at that moment (another replica's partition upkeep, a
// resolve racing it), so a later read can hold less than an earlier one. The report first copied
// is kept (as resolving always did); a trace keeps the copy with more spans; an audited row keeps
// every change either copy holds, oldest first. Items only the earlier copy holds are kept too.

type Trace = FrozenIncident["traces"][number];
type AuditRow = FrozenIncident["audit"][number];
type Change = AuditRow["changes"][number];

export function mergeFrozenCopies(fresh: FrozenIncident, earlier: FrozenIncident | null): FrozenIncident {
  if (earlier === null) return fresh;
  const traces = fresh.traces.map((t) => {
    const old = earlier.traces.find((e) => e.traceId === t.traceId);
    return old && spanCount(old) > spanCount(t) ? old : t;
  });
  for (const old of earlier.traces) if (!traces.some((t) => t.traceId === old.traceId)) traces.push(old);

  const audit = fresh.audit.map((row) => {
    const old = earlier.audit.find((e) => sameRow(e, row));
    return old ? { ...row, changes: unionOfChanges(old.changes, row.changes) } : row;
  });
  for (const old of earlier.audit) if (!audit.some((row) => sameRow(row, old))) audit.push(old);

  return { version: 1, frozenAtMs: Math.max(fresh.frozenAtMs, earlier.frozenAtMs), report: earlier.report ?? fresh.report, traces, audit };
}

const spanCount = (t: Trace) => t.trace?.spans.spanId.length ?? 0;
const sameRow = (a: AuditRow, b: AuditRow) => a.database === b.database && a.table === b.table && a.pk === b.pk;

/** Changes by id, in the row history's order (committed, then id as list-audit-changes sorts). */
function unionOfChanges(earlier: readonly Change[], fresh: readonly Change[]): Change[] {
  const byId = new Map<string, Change>();
  for (const c of earlier) byId.set(c.id, c);
  for (const c of fresh) byId.set(c.id, c);
  if (byId.size === fresh.length) return [...fresh];
  // committedAt is ISO-8601 UTC with microseconds in one format, so text order is time order.
  return [...byId.values()].sort((a, b) => compareText(a.committedAt, b.committedAt) || a.id.length - b.id.length || compareText(a.id, b.id));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
