import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { ActivityAction, ActivityEvent } from "@/lib/schemas/activity";

export async function listActivity(query: { from?: number | undefined; to?: number | undefined; action?: ActivityAction | undefined; actor?: string | undefined; limit: number }): Promise<ActivityEvent[]> {
  const rows = await getPrisma().activityEvent.findMany({
    where: {
      action: query.action,
      actor: query.actor,
      at: { gte: query.from === undefined ? undefined : new Date(query.from), lt: query.to === undefined ? undefined : new Date(query.to) },
    },
    orderBy: { at: "desc" },
    take: query.limit,
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actor: row.actor,
    target: row.target,
    detail: row.detail && typeof row.detail === "object" && !Array.isArray(row.detail) ? (row.detail as Record<string, unknown>) : {},
    ip: row.ip,
    userAgent: row.userAgent,
  }));
}
