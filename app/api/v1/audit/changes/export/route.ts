import { streamAuditChangesCsv } from "@/lib/audit/stream-audit-changes-csv";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { auditChangesExportQuerySchema } from "@/lib/schemas/audit";

export const dynamic = "force-dynamic";

const CSV_HEADERS = { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit-changes.csv"', "cache-control": "no-store" };

export const GET = withRoute({ access: "viewer", query: auditChangesExportQuerySchema }, ({ query }) =>
  Promise.resolve(new Response(streamAuditChangesCsv(getReadPool(), query), { headers: CSV_HEADERS })),
);
