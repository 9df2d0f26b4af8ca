import { withRoute } from "@/lib/http/with-route";
import { createIncident } from "@/lib/incidents/create-incident";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { createIncidentBodySchema, incidentsQuerySchema } from "@/lib/incidents/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: incidentsQuerySchema }, ({ query }) => listIncidents({ status: query.status, nowMs: Date.now() }));

export const POST = withRoute({ access: "editor", body: createIncidentBodySchema }, ({ body, principal }) => createIncident(body, principal, Date.now()));
