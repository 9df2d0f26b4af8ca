import { silenceBodySchema } from "@/lib/alerts/schemas";
import { createSilence, listSilences } from "@/lib/alerts/silences";
import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { authorOf } from "@/lib/incidents/author-of";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer" }, () => listSilences(getPool(), Date.now()));

export const POST = withRoute({ access: "editor", body: silenceBodySchema }, ({ body, principal }) => createSilence(getPool(), body, authorOf(principal), Date.now()));
