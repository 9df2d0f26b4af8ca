import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { authorOf } from "./author-of";
import { getIncident } from "./get-incident";
import { MAX_EVIDENCE, type EvidenceItem, type Incident } from "./schemas";

// POST /api/v1/incidents/{id}/notes and …/evidence: one timeline entry each. Evidence added after
// the incident was resolved is frozen at the next resolve (reopen, then resolve again).

export async function addIncidentNote(id: string, text: string, by: Principal, nowMs: number): Promise<Incident> {
  await append(id, { kind: "note", body: { text } }, by, nowMs);
  return getIncident(id);
}

export async function addIncidentEvidence(id: string, item: EvidenceItem, by: Principal, nowMs: number): Promise<Incident> {
  const count = await getPrisma().incidentEvent.count({ where: { incidentId: id, kind: "evidence" } });
  if (count >= MAX_EVIDENCE) throw new ApiError("conflict", `the incident already has ${MAX_EVIDENCE} pieces of evidence, the most it can hold`);
  await append(id, { kind: "evidence", body: { item } }, by, nowMs);
  return getIncident(id);
}

async function append(id: string, event: { kind: string; body: object }, by: Principal, nowMs: number) {
  const exists = await getPrisma().incident.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw new ApiError("not_found", `no incident with id ${id}`);
  await getPrisma().incidentEvent.create({ data: { incidentId: id, kind: event.kind, body: event.body, at: new Date(nowMs), author: authorOf(by) } });
}
