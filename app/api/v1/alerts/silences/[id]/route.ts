import { silenceIdPathSchema } from "@/lib/alerts/schemas";
import { endSilence } from "@/lib/alerts/silences";
import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

/** Ends the silence now (one that has not started is removed); its record stays for 7 days. */
export const DELETE = withRoute({ access: "editor" }, ({ params }) => endSilence(getPool(), parsePathParams(silenceIdPathSchema, params).id, Date.now()));
