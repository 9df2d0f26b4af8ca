import { withRoute } from "@/lib/http/with-route";
import { getIncident } from "@/lib/incidents/get-incident";
import { incidentIdPathSchema, updateIncidentBodySchema } from "@/lib/incidents/schemas";
import { updateIncident } from "@/lib/incidents/update-incident";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

const idOf = (params: unknown) => parsePathParams(incidentIdPathSchema, params).id;

export const GET = withRoute({ access: "viewer" }, ({ params }) => getIncident(idOf(params)));

/** Resolving freezes the report and evidence into the incident (lib/incidents/freeze-incident.ts). */
export const PATCH = withRoute({ access: "editor", body: updateIncidentBodySchema }, ({ body, params, principal }) => updateIncident(idOf(params), body, principal, Date.now()));
