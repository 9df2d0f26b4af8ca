import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { Principal } from "@/lib/auth/principal";
import { dashboardColumns, dashboardJson } from "./dashboard-json";
import { findEditableDashboard } from "./find-editable-dashboard";
import { fitLayout } from "./fit-layout";
import type { Dashboard, DashboardContent } from "./schemas";

// Replaces the whole dashboard if nobody saved since `version` was read: the update matches on
// the version and bumps it in one statement, so of two editors saving the same version one
// wins and the other gets a 409 naming the version it should reload, never a silent overwrite.

export async function updateDashboard(
  id: string,
  change: DashboardContent & { version: number },
  by: Principal,
  client: RequestClient,
): Promise<Dashboard> {
  const prisma = getPrisma();
  const current = await findEditableDashboard(prisma, id);
  const { count } = await prisma.dashboard.updateMany({
    where: { id, version: change.version, provisionedFile: null },
    data: {
      title: change.title,
      description: change.description,
      panels: change.panels,
      layout: fitLayout(change.panels.map((p) => p.id), change.layout),
      version: { increment: 1 },
    },
  });
  if (count !== 1) {
    const now = await findEditableDashboard(prisma, id);
    throw new ApiError("conflict", `version ${change.version} is stale: the dashboard was saved meanwhile (now version ${now.version}); reload it and apply your change again`);
  }
  const row = await prisma.dashboard.findUniqueOrThrow({ where: { id }, select: dashboardColumns });
  await recordActivity({ action: "dashboard_updated", actor: by, target: row.title, detail: { id, version: row.version, ...(current.title !== row.title ? { was: current.title } : {}) }, client });
  return dashboardJson(row);
}
