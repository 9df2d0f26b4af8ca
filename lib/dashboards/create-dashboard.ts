import "server-only";
import { getPrisma } from "@/lib/db/client";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { Principal } from "@/lib/auth/principal";
import { dashboardColumns, dashboardJson } from "./dashboard-json";
import { fitLayout } from "./fit-layout";
import type { Dashboard, DashboardContent } from "./schemas";

export async function createDashboard(content: DashboardContent, by: Principal, client: RequestClient): Promise<Dashboard> {
  const row = await getPrisma().dashboard.create({
    data: {
      title: content.title,
      description: content.description,
      panels: content.panels,
      layout: fitLayout(content.panels.map((p) => p.id), content.layout),
      createdById: by.userId,
    },
    select: dashboardColumns,
  });
  await recordActivity({ action: "dashboard_created", actor: by, target: row.title, detail: { id: row.id }, client });
  return dashboardJson(row);
}
