import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { listSlos } from "@/lib/slo/list-slos";
import { saveSlo } from "@/lib/slo/save-slo";
import { sloBodySchema } from "@/lib/slo/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer" }, () => listSlos(getPool()));

/** With `alerts`, the SLO's two burn-rate alert rules are created in the same transaction. */
export const POST = withRoute({ access: "editor", body: sloBodySchema }, ({ body }) => saveSlo(getPool(), null, body));
