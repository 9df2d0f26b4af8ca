import { withRoute } from "@/lib/http/with-route";
import { addIncidentEvidence } from "@/lib/incidents/add-incident-event";
import { addEvidenceBodySchema, incidentIdPathSchema } from "@/lib/incidents/schemas";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

export const POST = withRoute({ access: "editor", body: addEvidenceBodySchema }, ({ body, params, principal }) =>
  addIncidentEvidence(parsePathParams(incidentIdPathSchema, params).id, body.item, principal, Date.now()),
);
