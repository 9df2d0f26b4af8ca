import type pg from "pg";
import { listRowHistory } from "@/lib/audit/list-row-history";
import { getTimeoutReport } from "@/lib/reports/get-timeout-report";
import { auditRowHistoryQuerySchema } from "@/lib/schemas/audit";
import { compactTraceSchema } from "@/lib/schemas/trace-compact";
import { getCompactTraceJson } from "@/lib/trace/get-compact-trace";
import { mergeFrozenCopies } from "./merge-frozen-copies";
import type { EvidenceItem, FrozenIncident, IncidentSummary } from "./schemas";

// Step two of resolving: read what the incident's evidence says now, while the telemetry is
// still there — the timeout report of its window and filters, the spans of its traces, the
// recorded changes of its audited rows — and keep it with the incident (`incidents.frozen`).
// Retention drops day partitions; a resolved incident's page reads only this copy (what an open
// one reads: components/incidents/incident-body.tsx).
// Resolving again (after a reopen) keeps what an earlier freeze read and retention has since
// dropped: the result is merged with the earlier copy and never holds less (merge-frozen-copies.ts).
// Partition upkeep calls it too, on an incident not yet resolved, with only the evidence whose
// day is about to be dropped (copy-evidence-before-drop.ts) and `readReport` only when the
// window's day is. Plain SQL on the caller's connection: it also runs in `npm start`'s process.

type Queryable = Pick<pg.Pool, "query">;

export async function freezeIncident(
  db: Queryable,
  incident: Pick<IncidentSummary, "window" | "filters">,
  evidence: readonly EvidenceItem[],
  previous: FrozenIncident | null,
  nowMs: number,
  options: { readReport: boolean } = { readReport: true },
): Promise<FrozenIncident> {
  const reportItem = evidence.find((e) => e.kind === "report");
  const service = reportItem ? (reportItem.service ?? undefined) : incident.filters.service;
  const operation = service === undefined ? undefined : reportItem ? (reportItem.operation ?? undefined) : incident.filters.operation;
  const report = previous?.report ?? (options.readReport ? await getTimeoutReport(db, { ...incident.window, service, operation, nowMs }) : null);

  const traceIds = [...new Set(evidence.flatMap((e) => (e.kind === "trace" ? [e.traceId] : [])))];
  const traces = await Promise.all(
    traceIds.map(async (traceId) => {
      const json = await getCompactTraceJson(db, traceId);
      return { traceId, trace: json === null ? null : compactTraceSchema.parse(JSON.parse(json)) };
    }),
  );

  const rows = uniqueRows(evidence);
  const audit = await Promise.all(
    rows.map(async (row) => {
      const query = auditRowHistoryQuerySchema.parse({ table: row.table, pk: row.pk, ...(row.database === null ? {} : { database: row.database }), limit: "1000" });
      const { changes } = await listRowHistory(db, query);
      return { ...row, changes };
    }),
  );
  return mergeFrozenCopies({ version: 1, frozenAtMs: nowMs, report, traces, audit }, previous);
}

function uniqueRows(evidence: readonly EvidenceItem[]) {
  const seen = new Map<string, { database: string | null; table: string; pk: string }>();
  for (const e of evidence) if (e.kind === "audit") seen.set(JSON.stringify([e.database, e.table, e.pk]), { database: e.database, table: e.table, pk: e.pk });
  return [...seen.values()];
}
