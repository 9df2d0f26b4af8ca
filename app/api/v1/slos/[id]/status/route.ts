import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";
import { getSloStatus } from "@/lib/slo/get-slo-status";
import { sloIdPathSchema, sloStatusQuerySchema } from "@/lib/slo/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: sloStatusQuerySchema }, ({ params, query }) => getSloStatus(getPool(), parsePathParams(sloIdPathSchema, params).id, query));
