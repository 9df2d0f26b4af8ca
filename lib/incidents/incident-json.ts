import { z } from "zod";
import { incidentTimes } from "./incident-times";
import {
  frozenIncidentSchema,
  incidentEventSchema,
  INCIDENT_SOURCES,
  incidentSeveritySchema,
  incidentStatusSchema,
  type Incident,
  type IncidentEvent,
  type IncidentSummary,
} from "./schemas";

// One shape for an incident wherever the API (or the share page) returns one. Stored JSON was
// checked when written; it is parsed again here so a row written by another version of
// Sightline can never reach a page in a shape the page does not expect.

export const incidentSummaryColumns = {
  id: true,
  title: true,
  severity: true,
  status: true,
  owner: true,
  summary: true,
  startedAt: true,
  windowTo: true,
  filters: true,
  detectedAt: true,
  acknowledgedAt: true,
  resolvedAt: true,
  createdBy: true,
} as const;

export const incidentColumns = {
  ...incidentSummaryColumns,
  frozen: true as const,
  events: { orderBy: [{ at: "asc" as const }, { createdAt: "asc" as const }], select: { id: true, kind: true, body: true, at: true, author: true } as const },
};

interface SummaryRow {
  id: string;
  title: string;
  severity: string;
  status: string;
  owner: string | null;
  summary: string;
  startedAt: Date;
  windowTo: Date;
  filters: unknown;
  detectedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  createdBy: string;
}

interface EventRow {
  id: string;
  kind: string;
  body: unknown;
  at: Date;
  author: string | null;
}

/** Stored `filters`: the view's filters and where the incident was opened from. */
export const storedFiltersSchema = z.object({ source: z.enum(INCIDENT_SOURCES).catch("manual"), values: z.record(z.string(), z.string()).catch({}) });

export function incidentSummaryJson(row: SummaryRow): IncidentSummary {
  const stored = storedFiltersSchema.parse(row.filters ?? {});
  const instants = {
    startedAtMs: row.startedAt.getTime(),
    detectedAtMs: row.detectedAt.getTime(),
    acknowledgedAtMs: row.acknowledgedAt?.getTime() ?? null,
    resolvedAtMs: row.resolvedAt?.getTime() ?? null,
  };
  return {
    id: row.id,
    title: row.title,
    severity: incidentSeveritySchema.catch("major").parse(row.severity),
    status: incidentStatusSchema.catch("investigating").parse(row.status),
    owner: row.owner,
    summary: row.summary,
    window: { fromMs: instants.startedAtMs, toMs: row.windowTo.getTime() },
    source: stored.source,
    filters: stored.values,
    detectedAtMs: instants.detectedAtMs,
    acknowledgedAtMs: instants.acknowledgedAtMs,
    resolvedAtMs: instants.resolvedAtMs,
    createdBy: row.createdBy,
    times: incidentTimes(instants),
  };
}

export function incidentEventJson(row: EventRow): IncidentEvent | null {
  const parsed = incidentEventSchema.shape.change.safeParse({ ...(row.body as object), kind: row.kind });
  return parsed.success ? { id: row.id, atMs: row.at.getTime(), author: row.author, change: parsed.data } : null;
}

export function incidentJson(row: SummaryRow & { frozen: unknown; events: EventRow[] }): Incident {
  const frozen = row.frozen === null ? null : frozenIncidentSchema.safeParse(row.frozen);
  return {
    ...incidentSummaryJson(row),
    events: row.events.flatMap((e) => incidentEventJson(e) ?? []),
    frozen: frozen?.success ? frozen.data : null,
  };
}
