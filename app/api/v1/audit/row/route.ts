import { getRowAsOf } from "@/lib/audit/get-row-as-of";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { auditRowAsOfQuerySchema } from "@/lib/schemas/audit";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: auditRowAsOfQuerySchema }, ({ query }) => getRowAsOf(getReadPool(), query));
