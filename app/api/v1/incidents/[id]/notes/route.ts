import { withRoute } from "@/lib/http/with-route";
import { addIncidentNote } from "@/lib/incidents/add-incident-event";
import { addNoteBodySchema, incidentIdPathSchema } from "@/lib/incidents/schemas";
import { withholdIncidentLists } from "@/lib/incidents/withhold-incident-lists";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

export const POST = withRoute({ access: "editor", body: addNoteBodySchema }, async ({ body, params, principal }) =>
  withholdIncidentLists(await addIncidentNote(parsePathParams(incidentIdPathSchema, params).id, body.text, principal, Date.now()), principal.role),
);
