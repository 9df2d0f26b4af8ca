import { z } from "zod";
import { requestClient } from "@/lib/activity/record-activity";
import { withRoute } from "@/lib/http/with-route";
import { revokeIngestKey } from "@/lib/ingest-keys/manage-ingest-keys";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

const pathSchema = z.object({ id: z.uuid("must be a UUID") });

/** Revokes the key; it stays listed, marked revoked, and stops working within seconds. */
export const DELETE = withRoute({ access: "admin" }, ({ params, request, principal }) =>
  revokeIngestKey(parsePathParams(pathSchema, params).id, principal, requestClient(request.headers)),
);
