import { getReadPool } from "@/lib/db/client";
import { explainSlowWindow } from "@/lib/findings/explain-slow-window";
import { whySlowQuerySchema } from "@/lib/findings/schemas";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: whySlowQuerySchema }, ({ query }) => explainSlowWindow(getReadPool(), query));
