import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { incidentColumns, incidentJson } from "./incident-json";
import type { Incident } from "./schemas";

export async function getIncident(id: string): Promise<Incident> {
  const row = await getPrisma().incident.findUnique({ where: { id }, select: incidentColumns });
  if (!row) throw new ApiError("not_found", `no incident with id ${id}`);
  return incidentJson(row);
}
