import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import type { ShareLink } from "./schemas";
import { shareLinkColumns, shareLinkJson } from "./share-link-json";

export async function listShareLinks(incidentId: string): Promise<{ shareLinks: ShareLink[] }> {
  const incident = await getPrisma().incident.findUnique({
    where: { id: incidentId },
    select: { shareLinks: { orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: shareLinkColumns } },
  });
  if (!incident) throw new ApiError("not_found", `no incident with id ${incidentId}`);
  return { shareLinks: incident.shareLinks.map(shareLinkJson) };
}
