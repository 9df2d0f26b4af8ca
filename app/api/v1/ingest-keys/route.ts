import { requestClient } from "@/lib/activity/record-activity";
import { withRoute } from "@/lib/http/with-route";
import { createIngestKey, listIngestKeys } from "@/lib/ingest-keys/manage-ingest-keys";
import { createIngestKeyBodySchema } from "@/lib/schemas/ingest-keys";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "admin" }, async () => ({ keys: await listIngestKeys() }));

export const POST = withRoute({ access: "admin", body: createIngestKeyBodySchema }, ({ body, request, principal }) =>
  createIngestKey(body.name, principal, requestClient(request.headers)),
);
