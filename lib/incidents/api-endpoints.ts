import type { ApiEndpoint } from "@/lib/openapi/api-endpoints";
import { errorResponseSchema } from "@/lib/schemas/common";
import {
  addEvidenceBodySchema,
  addNoteBodySchema,
  createdShareLinkSchema,
  createIncidentBodySchema,
  createShareLinkBodySchema,
  incidentIdPathSchema,
  incidentListSchema,
  incidentSchema,
  incidentsQuerySchema,
  shareLinkIdPathSchema,
  shareLinkListSchema,
  shareLinkSchema,
  updateIncidentBodySchema,
} from "./schemas";

// The incidents area's endpoints, listed beside their schemas and spliced into the API list
// (lib/openapi/api-endpoints.ts), from which the OpenAPI document is generated. A share link's
// page (/share/{token}) is not an API endpoint: its token opens nothing under /api/v1.

const badRequest = { description: "a parameter or the body is invalid; the message names it", name: "ErrorResponse", schema: errorResponseSchema };
const notFound = { description: "no such incident", name: "ErrorResponse", schema: errorResponseSchema };
const incident = { description: "the incident with its timeline, evidence and (once resolved) frozen report", name: "Incident", schema: incidentSchema };
const onIncident = { tag: "incidents", pathParams: incidentIdPathSchema } as const;

export const incidentEndpoints: ApiEndpoint[] = [
  {
    path: "/api/v1/incidents",
    access: "viewer",
    summary: "Incidents, newest first, with time to detect/acknowledge/resolve and MTTR over 30 and 90 days",
    tag: "incidents",
    query: incidentsQuerySchema,
    responses: { 200: { description: "the incidents", name: "IncidentList", schema: incidentListSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/incidents",
    access: "editor",
    method: "post",
    summary: "Open an incident for a window and the filters of the view it came from",
    tag: "incidents",
    body: { description: "title, severity, status, owner, window, filters and first evidence", name: "CreateIncidentBody", schema: createIncidentBodySchema },
    responses: { 200: incident, 400: badRequest },
  },
  { path: "/api/v1/incidents/{id}", access: "viewer", summary: "One incident", ...onIncident, responses: { 200: incident, 400: badRequest, 404: notFound } },
  {
    path: "/api/v1/incidents/{id}",
    access: "editor",
    method: "patch",
    summary: "Change title, severity, status or owner; resolving freezes the report and evidence into the incident",
    ...onIncident,
    body: { description: "the fields to change", name: "UpdateIncidentBody", schema: updateIncidentBodySchema },
    responses: { 200: incident, 400: badRequest, 404: notFound },
  },
  {
    path: "/api/v1/incidents/{id}/notes",
    access: "editor",
    method: "post",
    summary: "Add a note to the incident's timeline",
    ...onIncident,
    body: { description: "the note", name: "AddIncidentNoteBody", schema: addNoteBodySchema },
    responses: { 200: incident, 400: badRequest, 404: notFound },
  },
  {
    path: "/api/v1/incidents/{id}/evidence",
    access: "editor",
    method: "post",
    summary: "Attach evidence: a trace, an audited row, a chart link or the timeout report",
    ...onIncident,
    body: { description: "one piece of evidence", name: "AddIncidentEvidenceBody", schema: addEvidenceBodySchema },
    responses: { 200: incident, 400: badRequest, 404: notFound, 409: { description: "the incident holds the most evidence it can", name: "ErrorResponse", schema: errorResponseSchema } },
  },
  {
    path: "/api/v1/incidents/{id}/share-links",
    access: "editor",
    summary: "The incident's share links (never their tokens), newest first",
    ...onIncident,
    responses: { 200: { description: "the links", name: "ShareLinkList", schema: shareLinkListSchema }, 400: badRequest, 404: notFound },
  },
  {
    path: "/api/v1/incidents/{id}/share-links",
    access: "editor",
    method: "post",
    summary: "Make a read-only link to the incident that anyone can open until it expires or is revoked",
    ...onIncident,
    body: { description: "how long it works", name: "CreateShareLinkBody", schema: createShareLinkBodySchema },
    responses: { 200: { description: "the link and its path with the token, shown once", name: "CreatedShareLink", schema: createdShareLinkSchema }, 400: badRequest, 404: notFound },
  },
  {
    path: "/api/v1/share-links/{id}",
    access: "editor",
    method: "delete",
    summary: "Revoke a share link: it stops working at once",
    tag: "incidents",
    pathParams: shareLinkIdPathSchema,
    responses: { 200: { description: "the revoked link", name: "ShareLink", schema: shareLinkSchema }, 400: badRequest, 404: { description: "no such share link", name: "ErrorResponse", schema: errorResponseSchema } },
  },
];
