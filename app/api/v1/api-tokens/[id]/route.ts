import { requestClient } from "@/lib/activity/record-activity";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { withRoute } from "@/lib/http/with-route";
import { apiTokenIdPathSchema } from "@/lib/schemas/api-tokens";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

/** Revokes the token: it stays listed, marked revoked, and is refused from the next request on. */
export const DELETE = withRoute({ access: "admin" }, ({ params, request, principal }) =>
  revokeApiToken(parsePathParams(apiTokenIdPathSchema, params).id, principal, requestClient(request.headers)),
);
