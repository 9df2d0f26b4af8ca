import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { withRoute } from "@/lib/http/with-route";
import { revokeIngestKey } from "@/lib/ingest-keys/manage-ingest-keys";

export const dynamic = "force-dynamic";

/** Revokes the key; it stays listed, marked revoked, and stops working within seconds. */
export const DELETE = withRoute<z.ZodUnknown, z.ZodUnknown, { id: string }>({}, async ({ params }) => {
  if (!z.uuid().safeParse(params.id).success) throw new ApiError("bad_request", "id must be a UUID");
  return revokeIngestKey(params.id);
});
