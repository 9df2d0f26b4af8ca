import { withRoute } from "@/lib/http/with-route";
import { getIncident } from "@/lib/incidents/get-incident";
import { incidentIdPathSchema, updateIncidentBodySchema } from "@/lib/incidents/schemas";
import { updateIncident } from "@/lib/incidents/update-incident";
import { withholdIncidentLists } from "@/lib/incidents/withhold-incident-lists";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

const idOf = (params: unknown) => parsePathParams(incidentIdPathSchema, params).id;

export const GET = withRoute({ access: "viewer" }, async ({ params, principal }) => withholdIncidentLists(await getIncident(idOf(params)), principal.role));

/** Resolving freezes the report and evidence into the incident (lib/incidents/freeze-incident.ts). */
export const PATCH = withRoute({ access: "editor", body: updateIncidentBodySchema }, async ({ body, params, principal }) =>
  withholdIncidentLists(await updateIncident(idOf(params), body, principal, Date.now()), principal.role),
);
