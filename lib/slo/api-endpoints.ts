import { z } from "zod";
import type { ApiEndpoint } from "@/lib/openapi/api-endpoints";
import { errorResponseSchema } from "@/lib/schemas/common";
import { sloBodySchema, sloIdPathSchema, sloListSchema, sloSchema, sloStatusQuerySchema, sloStatusSchema } from "./schemas";

// The SLO area's endpoints, listed beside their schemas and spliced into the API list
// (lib/openapi/api-endpoints.ts), from which the OpenAPI document is generated.

const badRequest = { description: "a parameter or the body is invalid; the message names it (e.g. targetPercent)", name: "ErrorResponse", schema: errorResponseSchema };
const noSlo = { description: "no such SLO", name: "ErrorResponse", schema: errorResponseSchema };
const nameTaken = { description: "another SLO, or an alert rule its burn-rate rules would be named like, has that name", name: "ErrorResponse", schema: errorResponseSchema };
const slo = { description: "the SLO with its level and error budget over its window ending now", name: "Slo", schema: sloSchema };
const body = { description: "service, operation, objective, target and window; `alerts` creates the burn-rate alert rules", name: "SloBody", schema: sloBodySchema };
const onSlo = { tag: "slos", pathParams: sloIdPathSchema } as const;

export const sloEndpoints: ApiEndpoint[] = [
  { path: "/api/v1/slos", access: "viewer", summary: "Service level objectives with their level and budget left", tag: "slos", responses: { 200: { description: "every SLO by name", name: "SloList", schema: sloListSchema } } },
  {
    path: "/api/v1/slos",
    access: "editor",
    method: "post",
    summary: "Create an SLO and, with alerts, its fast (1 h + 5 min above 14.4×) and slow (6 h + 30 min above 6×) burn-rate alert rules",
    tag: "slos",
    body,
    responses: { 200: slo, 400: badRequest, 409: nameTaken },
  },
  { path: "/api/v1/slos/{id}", access: "viewer", summary: "One SLO", ...onSlo, responses: { 200: slo, 400: badRequest, 404: noSlo } },
  {
    path: "/api/v1/slos/{id}",
    access: "editor",
    method: "put",
    summary: "Replace an SLO; its burn-rate rules follow (kept with their state, or removed without alerts)",
    ...onSlo,
    body,
    responses: { 200: slo, 400: badRequest, 404: noSlo, 409: nameTaken },
  },
  {
    path: "/api/v1/slos/{id}",
    access: "editor",
    method: "delete",
    summary: "Delete an SLO with its burn-rate rules",
    ...onSlo,
    responses: { 200: { description: "the SLO was deleted", name: "DeletedSlo", schema: z.object({ deleted: z.literal(true), id: z.uuid() }) }, 400: badRequest, 404: noSlo },
  },
  {
    path: "/api/v1/slos/{id}/status",
    access: "viewer",
    summary: "An SLO's counts, burn rate and budget left over time, the operations eating its budget, and its burn rates over the alert windows now",
    ...onSlo,
    query: sloStatusQuerySchema,
    responses: { 200: { description: "the SLO's status over the window (default: its own window ending now)", name: "SloStatus", schema: sloStatusSchema }, 400: badRequest, 404: noSlo },
  },
];
