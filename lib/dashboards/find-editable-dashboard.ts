import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/http/api-error";

type Db = Pick<PrismaClient, "dashboard">;

/**
 * The dashboard as it is stored now, refused when it may not be changed through the API: a
 * provisioned one belongs to its file (a change here would be undone at the next start).
 */
export async function findEditableDashboard(db: Db, id: string): Promise<{ id: string; title: string; version: number }> {
  const found = await db.dashboard.findUnique({ where: { id }, select: { id: true, title: true, version: true, provisionedFile: true } });
  if (!found) throw new ApiError("not_found", `no dashboard with id ${id}`);
  if (found.provisionedFile !== null) {
    throw new ApiError("conflict", `this dashboard is provisioned from ${found.provisionedFile} and read-only here: duplicate it to edit, or change the file`);
  }
  return found;
}
