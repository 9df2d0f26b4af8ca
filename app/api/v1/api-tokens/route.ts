import { requestClient } from "@/lib/activity/record-activity";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { withRoute } from "@/lib/http/with-route";
import { createApiTokenBodySchema } from "@/lib/schemas/api-tokens";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "admin" }, async () => ({ tokens: await listApiTokens() }));

export const POST = withRoute({ access: "admin", body: createApiTokenBodySchema }, ({ body, request, principal }) =>
  createApiToken(body, principal, requestClient(request.headers)),
);
