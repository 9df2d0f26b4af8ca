import type pg from "pg";
import { listRowHistory } from "@/lib/audit/list-row-history";
import type { DroppingPartition } from "@/lib/db/maintain-partitions";
import type { TelemetryTable } from "@/lib/db/telemetry-tables";
import { auditRowHistoryQuerySchema } from "@/lib/schemas/audit";
import { freezeIncident } from "./freeze-incident";
import { storedFiltersSchema } from "./incident-json";
import { mergeFrozenCopies } from "./merge-frozen-copies";
import { evidenceItemSchema, frozenIncidentSchema, type EvidenceItem, type FrozenIncident, type IncidentSummary } from "./schemas";

// Partition upkeep's `beforeDrop` hook (lib/db/maintain-partitions.ts, wired by `npm start`):
// before the day partitions go, copy out of them the evidence of every incident that still
// needs it, into the incident's frozen copy (freeze-incident.ts). Resolving already copies
// everything; what would be lost without this is the evidence of an incident that stays open
// past retention (alert-opened incidents stay open; spans are kept 7 days by default), and
// evidence added to a resolved incident after it was frozen.
//
// Which incidents: every one not resolved, and every resolved one whose copy lacks an item.
// Of those, only the evidence the dropped days hold is read: a trace with a span in a dropped
// day of spans, an audited row with a change in a dropped day of audit_changes, the report when
// the incident's window overlaps a dropped day of what the report reads. An open incident's copy
// thus holds exactly the items retention has (partly) taken, which the page shows from the copy.
// Nothing referenced in the dropped days: nothing is read beyond the incident list and one
// indexed probe per dropped day of spans.
//
// Safe when two replicas run it at once, or a resolve runs beside it: each copy is merged with
// whatever the row holds at write time and written only if the row has not changed since it was
// read (compare-and-set on the stored copy), so neither write can shrink the other's.

type Queryable = Pick<pg.Pool, "query">;

const DAY_MS = 86_400_000;
const TRACE_TABLES: readonly TelemetryTable[] = ["spans", "span_events"];
const REPORT_TABLES: readonly TelemetryTable[] = ["spans", "span_rollups_1m", "audit_changes"];
const MAX_WRITE_ATTEMPTS = 5;

interface Candidate {
  id: string;
  resolved: boolean;
  incident: Pick<IncidentSummary, "window" | "filters">;
  evidence: EvidenceItem[];
  frozen: FrozenIncident | null;
}

/** Copies the evidence the dropped days hold; returns the ids of the incidents whose copy it wrote. */
export async function copyEvidenceBeforeDrop(db: Queryable, partitions: readonly DroppingPartition[], nowMs = Date.now()): Promise<string[]> {
  const daysOf = (tables: readonly TelemetryTable[]) => [...new Set(partitions.filter((p) => tables.includes(p.table)).map((p) => p.day))];
  const traceDays = daysOf(TRACE_TABLES);
  const auditDays = daysOf(["audit_changes"]);
  const reportDays = daysOf(REPORT_TABLES);
  if (traceDays.length + auditDays.length + reportDays.length === 0) return [];

  const candidates = await listCandidates(db);
  const allTraceIds = [...new Set(candidates.flatMap((c) => c.evidence.flatMap((e) => (e.kind === "trace" ? [e.traceId] : []))))];
  const tracesInDroppedDays = await tracesHeldIn(db, allTraceIds, traceDays);

  const copied: string[] = [];
  for (const candidate of candidates) {
    const needed: EvidenceItem[] = [];
    for (const item of candidate.evidence) {
      if (candidate.resolved && isInCopy(item, candidate.frozen)) continue;
      if (item.kind === "trace" && tracesInDroppedDays.has(item.traceId)) needed.push(item);
      if (item.kind === "audit" && (await rowChangedIn(db, item, auditDays))) needed.push(item);
    }
    const readReport = !candidate.frozen?.report && reportDays.some((day) => overlapsDay(candidate.incident.window, day));
    if (needed.length === 0 && !readReport) continue;
    // The report item says the report's scope (service, operation), so it goes along.
    const evidence = readReport ? [...needed, ...candidate.evidence.filter((e) => e.kind === "report")] : needed;
    const copy = await freezeIncident(db, candidate.incident, evidence, candidate.frozen, nowMs, { readReport });
    await storeCopy(db, candidate.id, copy);
    copied.push(candidate.id);
  }
  return copied;
}

async function listCandidates(db: Queryable): Promise<Candidate[]> {
  const { rows } = await db.query<{ id: string; status: string; started_at: Date; window_to: Date; filters: unknown; frozen: unknown; evidence: unknown[] }>(
    `SELECT i.id, i.status, i.started_at, i.window_to, i.filters, i.frozen,
            coalesce(jsonb_agg(e.body -> 'item' ORDER BY e.at, e.created_at) FILTER (WHERE e.id IS NOT NULL), '[]'::jsonb) AS evidence
       FROM incidents i
       LEFT JOIN incident_events e ON e.incident_id = i.id AND e.kind = 'evidence'
      WHERE i.status <> 'resolved' OR i.frozen IS NULL
         OR EXISTS (SELECT 1 FROM incident_events x WHERE x.incident_id = i.id AND x.kind = 'evidence' AND x.at >= i.resolved_at)
      GROUP BY i.id`,
  );
  return rows.map((row) => {
    const frozen = row.frozen === null ? null : frozenIncidentSchema.safeParse(row.frozen);
    return {
      id: row.id,
      resolved: row.status === "resolved",
      incident: { window: { fromMs: row.started_at.getTime(), toMs: row.window_to.getTime() }, filters: storedFiltersSchema.parse(row.filters ?? {}).values },
      evidence: row.evidence.flatMap((item) => {
        const parsed = evidenceItemSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      }),
      frozen: frozen?.success ? frozen.data : null,
    };
  });
}

/** Which of the traces have a span in one of the days (by the trace-id index, one day's partition at a time). */
async function tracesHeldIn(db: Queryable, traceIds: readonly string[], days: readonly string[]): Promise<Set<string>> {
  const held = new Set<string>();
  if (traceIds.length === 0) return held;
  for (const day of days) {
    const start = dayStartMs(day);
    const { rows } = await db.query<{ trace_id: string }>(
      `SELECT DISTINCT encode(trace_id, 'hex') AS trace_id FROM spans
        WHERE trace_id = ANY(ARRAY(SELECT decode(t, 'hex') FROM unnest($1::text[]) AS t)) AND start_time >= $2 AND start_time < $3`,
      [traceIds, new Date(start), new Date(start + DAY_MS)],
    );
    for (const row of rows) held.add(row.trace_id);
  }
  return held;
}

async function rowChangedIn(db: Queryable, row: Extract<EvidenceItem, { kind: "audit" }>, days: readonly string[]): Promise<boolean> {
  if (days.length === 0) return false;
  const query = auditRowHistoryQuerySchema.parse({ table: row.table, pk: row.pk, ...(row.database === null ? {} : { database: row.database }), limit: "1000" });
  const { changes } = await listRowHistory(db, query);
  // committedAt is ISO-8601 in UTC, so its first ten characters are its partition's day.
  return changes.some((c) => days.includes(c.committedAt.slice(0, 10)));
}

function isInCopy(item: EvidenceItem, frozen: FrozenIncident | null): boolean {
  if (frozen === null) return false;
  if (item.kind === "trace") return frozen.traces.some((t) => t.traceId === item.traceId);
  if (item.kind === "audit") return frozen.audit.some((a) => a.database === item.database && a.table === item.table && a.pk === item.pk);
  return true;
}

const dayStartMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const overlapsDay = (window: { fromMs: number; toMs: number }, day: string) => window.fromMs < dayStartMs(day) + DAY_MS && window.toMs >= dayStartMs(day);

/** Merged with what the row holds now and written only if that is still what it holds. */
async function storeCopy(db: Queryable, id: string, copy: FrozenIncident) {
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const { rows } = await db.query<{ frozen: unknown; tag: string | null }>("SELECT frozen, md5(frozen::text) AS tag FROM incidents WHERE id = $1", [id]);
    const row = rows[0];
    if (!row) return; // deleted meanwhile: nothing to keep
    const stored = row.frozen === null ? null : frozenIncidentSchema.safeParse(row.frozen);
    const merged = mergeFrozenCopies(copy, stored?.success ? stored.data : null);
    const { rowCount } = await db.query("UPDATE incidents SET frozen = $2::jsonb, updated_at = now() WHERE id = $1 AND md5(frozen::text) IS NOT DISTINCT FROM $3", [id, JSON.stringify(merged), row.tag]);
    if (rowCount === 1) return;
  }
  throw new Error(`incident ${id}: its evidence copy kept changing under ${MAX_WRITE_ATTEMPTS} attempts to store it`);
}
