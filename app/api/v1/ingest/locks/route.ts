import { handleAgentIngest } from "@/lib/audit/handle-agent-ingest";
import { storeAgentEvents } from "@/lib/database/store-agent-events";
import { withRoute } from "@/lib/http/with-route";
import { lockIngestBodySchema } from "@/lib/schemas/locks";

export const dynamic = "force-dynamic";

// Lock waits, deadlocks and activity samples from the db agent (body read after authentication; see the audit route).
export const POST = withRoute({ access: "ingest-key" }, ({ request }) =>
  handleAgentIngest(request, lockIngestBodySchema, (pool, body) => storeAgentEvents(pool, body.events)),
);
