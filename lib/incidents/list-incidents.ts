import "server-only";
import { getPrisma } from "@/lib/db/client";
import { meanTimeToResolve } from "./incident-times";
import { incidentSummaryColumns, incidentSummaryJson } from "./incident-json";
import type { IncidentList, IncidentStatus } from "./schemas";

const MAX_LISTED = 500;
const DAY_MS = 86_400_000;

/** Newest first; MTTR over the incidents resolved in the last 30 and 90 days, whatever the filter. */
export async function listIncidents(input: { status?: IncidentStatus | "open" | undefined; nowMs: number }): Promise<IncidentList> {
  const prisma = getPrisma();
  const where = input.status === undefined ? {} : input.status === "open" ? { status: { not: "resolved" } } : { status: input.status };
  const [rows, resolved] = await Promise.all([
    prisma.incident.findMany({ where, orderBy: [{ detectedAt: "desc" }, { id: "asc" }], take: MAX_LISTED, select: incidentSummaryColumns }),
    prisma.incident.findMany({
      where: { resolvedAt: { gt: new Date(input.nowMs - 90 * DAY_MS), lte: new Date(input.nowMs) } },
      select: { startedAt: true, detectedAt: true, acknowledgedAt: true, resolvedAt: true },
    }),
  ]);
  const instants = resolved.map((r) => ({
    startedAtMs: r.startedAt.getTime(),
    detectedAtMs: r.detectedAt.getTime(),
    acknowledgedAtMs: r.acknowledgedAt?.getTime() ?? null,
    resolvedAtMs: r.resolvedAt?.getTime() ?? null,
  }));
  return { incidents: rows.map(incidentSummaryJson), mttr: [30, 90].map((days) => meanTimeToResolve(instants, input.nowMs, days)) };
}
