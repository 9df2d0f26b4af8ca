import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";
import { deleteSlo } from "@/lib/slo/delete-slo";
import { getSlo } from "@/lib/slo/get-slo";
import { saveSlo } from "@/lib/slo/save-slo";
import { sloBodySchema, sloIdPathSchema } from "@/lib/slo/schemas";

export const dynamic = "force-dynamic";

const idOf = (params: unknown) => parsePathParams(sloIdPathSchema, params).id;

export const GET = withRoute({ access: "viewer" }, ({ params }) => getSlo(getPool(), idOf(params)));

/** Its burn-rate rules follow in the same transaction (kept with their state, or removed). */
export const PUT = withRoute({ access: "editor", body: sloBodySchema }, ({ body, params }) => saveSlo(getPool(), idOf(params), body));

export const DELETE = withRoute({ access: "editor" }, ({ params }) => deleteSlo(getPool(), idOf(params)));
