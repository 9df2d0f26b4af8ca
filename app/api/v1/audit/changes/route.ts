import { listAuditChanges } from "@/lib/audit/list-audit-changes";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { auditChangesQuerySchema } from "@/lib/schemas/audit";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: auditChangesQuerySchema }, ({ query }) => listAuditChanges(getReadPool(), query));
