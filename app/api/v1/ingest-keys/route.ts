import { withRoute } from "@/lib/http/with-route";
import { createIngestKey, listIngestKeys } from "@/lib/ingest-keys/manage-ingest-keys";
import { createIngestKeyBodySchema } from "@/lib/schemas/ingest-keys";

export const dynamic = "force-dynamic";

export const GET = withRoute({}, async () => ({ keys: await listIngestKeys() }));

export const POST = withRoute({ body: createIngestKeyBodySchema }, async ({ body }) => createIngestKey(body.name));
