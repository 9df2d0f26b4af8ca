import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";
import { authorOf } from "./author-of";
import { incidentColumns, incidentJson } from "./incident-json";
import type { CreateIncidentBody, Incident } from "./schemas";

/**
 * Opens an incident: detected now, acknowledged at once when it is opened with an owner or past
 * investigating. The timeline starts with "created" and one entry per piece of evidence.
 */
export async function createIncident(body: CreateIncidentBody, by: Principal, nowMs: number): Promise<Incident> {
  const author = authorOf(by);
  const at = new Date(nowMs);
  const acknowledged = body.owner !== null || body.status !== "investigating";
  const row = await getPrisma().incident.create({
    data: {
      title: body.title,
      severity: body.severity,
      status: body.status,
      owner: body.owner,
      summary: body.summary,
      startedAt: new Date(body.windowFromMs),
      windowTo: new Date(body.windowToMs),
      filters: { source: body.source, values: body.filters },
      detectedAt: at,
      acknowledgedAt: acknowledged ? at : null,
      createdBy: author,
      events: {
        create: [
          { kind: "created", body: {}, at, author },
          ...body.evidence.map((item) => ({ kind: "evidence", body: { item }, at, author })),
        ],
      },
    },
    select: incidentColumns,
  });
  return incidentJson(row);
}
