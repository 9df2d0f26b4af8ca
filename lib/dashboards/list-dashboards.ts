import "server-only";
import { getPrisma } from "@/lib/db/client";
import { dashboardColumns, dashboardSummaryJson } from "./dashboard-json";
import type { DashboardSummary } from "./schemas";

/** Every dashboard: the provisioned ones first, then by title. */
export async function listDashboards(): Promise<DashboardSummary[]> {
  const rows = await getPrisma().dashboard.findMany({
    select: dashboardColumns,
    orderBy: [{ provisionedId: { sort: "asc", nulls: "last" } }, { title: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(dashboardSummaryJson);
}
