import { handleAgentIngest } from "@/lib/audit/handle-agent-ingest";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { withRoute } from "@/lib/http/with-route";
import { auditIngestBodySchema } from "@/lib/schemas/audit";

export const dynamic = "force-dynamic";

// Row changes from the db agent. The body is read inside handleAgentIngest, after the ingest key
// is checked and an ingest slot is free, so withRoute gets no body schema here.
export const POST = withRoute({ access: "ingest-key" }, ({ request }) =>
  handleAgentIngest(request, auditIngestBodySchema, (pool, body) => storeAuditChanges(pool, body.changes)),
);
