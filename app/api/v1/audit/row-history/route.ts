import { listRowHistory } from "@/lib/audit/list-row-history";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { auditRowHistoryQuerySchema } from "@/lib/schemas/audit";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: auditRowHistoryQuerySchema }, ({ query }) => listRowHistory(getReadPool(), query));
