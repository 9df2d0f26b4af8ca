import { listViolations } from "@/lib/consistency/list-violations";
import { violationsQuerySchema } from "@/lib/consistency/schemas";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: violationsQuerySchema }, ({ query }) => listViolations(getReadPool(), query, Date.now()));
