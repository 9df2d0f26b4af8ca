import type { CreateIncidentBody, EvidenceItem } from "@/lib/incidents/schemas";
import { MAX_EVIDENCE } from "@/lib/incidents/schemas";
import { splitTableName } from "./change-ref";
import type { ViolationDetail } from "./schemas";

// What "Open incident" on a violation hands the incident form: the violation's window (from a
// minute before the trigger to a minute after it was detected or resolved, so the requests
// around it are in view), the rule and row as filters, and as evidence the traces behind it
// and every audited row it involves (frozen with the incident when it is resolved).

const MARGIN_MS = 60_000;

export interface ViolationIncidentDraft {
  source: CreateIncidentBody["source"];
  windowFromMs: number;
  windowToMs: number;
  filters: Record<string, string>;
  evidence: EvidenceItem[];
  title: string;
}

export function violationIncidentDraft(detail: ViolationDetail, title: string): ViolationIncidentDraft {
  const { violation } = detail;
  const end = Math.max(violation.deadlineAtMs, violation.detectedAtMs, violation.resolvedAtMs ?? 0);
  const traces = new Set([...detail.traces.map((t) => t.traceId), ...violation.traceIds]);
  const rows = new Map<string, EvidenceItem>();
  for (const change of [...(detail.trigger ? [detail.trigger] : []), ...detail.steps.flatMap((s) => s.changes), ...detail.history]) {
    const { schema, table } = splitTableName(change.table);
    const item: EvidenceItem = { kind: "audit", database: change.database, table: `${schema}.${table}`, pk: JSON.stringify(change.pk) };
    rows.set(JSON.stringify(item), item);
  }
  const evidence: EvidenceItem[] = [...[...traces].filter((id) => /^[0-9a-f]{32}$/.test(id)).map((traceId): EvidenceItem => ({ kind: "trace", traceId })), ...rows.values()];
  return {
    source: "consistency",
    windowFromMs: Math.floor(violation.startedAtMs - MARGIN_MS),
    windowToMs: Math.ceil(end + MARGIN_MS),
    filters: { rule: violation.ruleName, violation: violation.id, row: `${violation.table} ${JSON.stringify(violation.pk)}`.slice(0, 500) },
    evidence: evidence.slice(0, MAX_EVIDENCE),
    title,
  };
}
