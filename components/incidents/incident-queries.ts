import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys } from "@/lib/client/query-keys";
import {
  createdShareLinkSchema,
  incidentListSchema,
  incidentSchema,
  shareLinkListSchema,
  shareLinkSchema,
  type CreateIncidentBody,
  type EvidenceItem,
  type UpdateIncidentBody,
} from "@/lib/incidents/schemas";

// The incidents area's one client module: its queries and the changes an editor makes.

export function incidentsQuery(status: string | null) {
  return queryOptions({
    queryKey: queryKeys.incidents.list(status),
    queryFn: ({ signal }) => fetchJson(`/api/v1/incidents${status ? `?status=${encodeURIComponent(status)}` : ""}`, incidentListSchema, { signal }),
  });
}

export function incidentQuery(id: string) {
  return queryOptions({
    queryKey: queryKeys.incidents.detail(id),
    queryFn: ({ signal }) => fetchJson(`/api/v1/incidents/${encodeURIComponent(id)}`, incidentSchema, { signal }),
  });
}

export function shareLinksQuery(id: string) {
  return queryOptions({
    queryKey: queryKeys.incidents.shareLinks(id),
    queryFn: ({ signal }) => fetchJson(`/api/v1/incidents/${encodeURIComponent(id)}/share-links`, shareLinkListSchema, { signal }),
  });
}

const incidentPath = (id: string, part = "") => `/api/v1/incidents/${encodeURIComponent(id)}${part}`;

export const createIncident = (body: Partial<CreateIncidentBody> & Pick<CreateIncidentBody, "title" | "windowFromMs" | "windowToMs">) =>
  fetchJson("/api/v1/incidents", incidentSchema, { method: "POST", json: body });
export const updateIncident = (id: string, body: UpdateIncidentBody) => fetchJson(incidentPath(id), incidentSchema, { method: "PATCH", json: body });
export const addIncidentNote = (id: string, text: string) => fetchJson(incidentPath(id, "/notes"), incidentSchema, { method: "POST", json: { text } });
export const addIncidentEvidence = (id: string, item: EvidenceItem) => fetchJson(incidentPath(id, "/evidence"), incidentSchema, { method: "POST", json: { item } });
export const createShareLink = (id: string, expiresInHours: number) => fetchJson(incidentPath(id, "/share-links"), createdShareLinkSchema, { method: "POST", json: { expiresInHours } });
export const revokeShareLink = (linkId: string) => fetchJson(`/api/v1/share-links/${encodeURIComponent(linkId)}`, shareLinkSchema, { method: "DELETE" });
