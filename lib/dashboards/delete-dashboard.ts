import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { Principal } from "@/lib/auth/principal";
import { findEditableDashboard } from "./find-editable-dashboard";

export async function deleteDashboard(id: string, by: Principal, client: RequestClient): Promise<{ id: string; deleted: true }> {
  const prisma = getPrisma();
  const found = await findEditableDashboard(prisma, id);
  const { count } = await prisma.dashboard.deleteMany({ where: { id, provisionedFile: null } });
  if (count !== 1) throw new ApiError("not_found", `no dashboard with id ${id}`);
  await recordActivity({ action: "dashboard_deleted", actor: by, target: found.title, detail: { id }, client });
  return { id, deleted: true };
}
