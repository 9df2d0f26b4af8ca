import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { dashboardColumns, dashboardJson } from "./dashboard-json";
import type { Dashboard } from "./schemas";

export async function getDashboard(id: string): Promise<Dashboard> {
  const row = await getPrisma().dashboard.findUnique({ where: { id }, select: dashboardColumns });
  if (!row) throw new ApiError("not_found", `no dashboard with id ${id}`);
  return dashboardJson(row);
}
