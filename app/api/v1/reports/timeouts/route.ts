import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { getTimeoutReport } from "@/lib/reports/get-timeout-report";
import { timeoutReportQuerySchema } from "@/lib/reports/schemas";

export const dynamic = "force-dynamic";

const DAY_MS = 86_400_000;

/** Customer and order lists are left out for roles below Settings → Timeout report's `customerListsVisibleTo`. */
export const GET = withRoute({ access: "viewer", query: timeoutReportQuerySchema }, ({ query, principal }) => {
  const { from, to, service, operation } = query;
  const nowMs = Date.now();
  return getTimeoutReport(getReadPool(), { ...resolveTimeRange({ from, to }, nowMs, DAY_MS), service, operation, nowMs, audience: principal.role });
});
