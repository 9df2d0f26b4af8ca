import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { getPool, getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { authorOf } from "./author-of";
import { evidenceOf } from "./evidence-of";
import { freezeIncident } from "./freeze-incident";
import { getIncident } from "./get-incident";
import { mergeFrozenCopies } from "./merge-frozen-copies";
import { frozenIncidentSchema, incidentSeveritySchema, incidentStatusSchema, type FrozenIncident, type Incident, type IncidentChange, type UpdateIncidentBody } from "./schemas";

// PATCH /api/v1/incidents/{id}: title, severity, status, owner. Each real change is a timeline
// entry. The first owner or the first step past investigating acknowledges it; resolving stamps
// resolvedAt and freezes the report and evidence (freeze-incident.ts), reopening clears
// resolvedAt but keeps the frozen copy for the next resolve to build on.

export async function updateIncident(id: string, body: UpdateIncidentBody, by: Principal, nowMs: number): Promise<Incident> {
  const before = await getIncident(id);
  const resolving = body.status === "resolved" && before.status !== "resolved";
  // Read outside the transaction: the report can take seconds and must not hold the row lock.
  const frozen = resolving ? await freezeIncident(getPool(), before, evidenceOf(before), before.frozen, nowMs) : null;

  const author = authorOf(by);
  const at = new Date(nowMs);
  await getPrisma().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string; severity: string; owner: string | null; title: string; acknowledged_at: Date | null; frozen: unknown }[]>`
      SELECT status, severity, owner, title, acknowledged_at, frozen FROM incidents WHERE id = ${id}::uuid FOR UPDATE`;
    const current = locked[0];
    if (!current) throw new ApiError("not_found", `no incident with id ${id}`);
    const changes: IncidentChange[] = [];
    if (body.title !== undefined && body.title !== current.title) changes.push({ kind: "title", from: current.title, to: body.title });
    if (body.severity !== undefined && body.severity !== current.severity) changes.push({ kind: "severity", from: incidentSeveritySchema.catch("major").parse(current.severity), to: body.severity });
    if (body.owner !== undefined && body.owner !== current.owner) changes.push({ kind: "owner", from: current.owner, to: body.owner });
    if (body.status !== undefined && body.status !== current.status) changes.push({ kind: "status", from: incidentStatusSchema.catch("investigating").parse(current.status), to: body.status });
    if (changes.length === 0) return;

    const status = body.status ?? current.status;
    const owner = body.owner === undefined ? current.owner : body.owner;
    const acknowledges = current.acknowledged_at === null && (owner !== null || status !== "investigating");
    const statusChanged = body.status !== undefined && body.status !== current.status;
    await tx.incident.update({
      where: { id },
      data: {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.severity !== undefined ? { severity: body.severity } : {}),
        ...(body.owner !== undefined ? { owner: body.owner } : {}),
        ...(statusChanged ? { status, resolvedAt: status === "resolved" ? at : null } : {}),
        // Merged with the copy as it is now: partition upkeep may have written one since `before` was read.
        ...(statusChanged && status === "resolved" && frozen ? { frozen: mergeFrozenCopies(frozen, storedCopy(current.frozen)) } : {}),
        ...(acknowledges ? { acknowledgedAt: at } : {}),
      },
    });
    await tx.incidentEvent.createMany({ data: changes.map(({ kind, ...rest }) => ({ incidentId: id, kind, body: rest, at, author })) });
  });
  return getIncident(id);
}

function storedCopy(frozen: unknown): FrozenIncident | null {
  const parsed = frozen === null ? null : frozenIncidentSchema.safeParse(frozen);
  return parsed?.success ? parsed.data : null;
}
