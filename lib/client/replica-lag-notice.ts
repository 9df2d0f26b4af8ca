import type { HealthResponse } from "./health-query";

// What the shell's banner says about the read replica (DATABASE_READ_URL), from GET /api/health:
// nothing without a replica or while it is close enough behind that no one would notice, the lag
// in whole seconds past the threshold, or that it is down. Pure, so the threshold is tested.

/** A replica this far behind or less is "current" for a dashboard refreshed every few seconds. */
export const REPLICA_LAG_NOTICE_SECONDS = 5;

export type ReplicaLagNotice = { kind: "behind"; seconds: number } | { kind: "down" } | null;

export function replicaLagNotice(health: HealthResponse | undefined): ReplicaLagNotice {
  if (health?.status !== "ok" || !health.readReplica) return null;
  const { ok, lagSeconds } = health.readReplica;
  if (!ok) return { kind: "down" };
  if (lagSeconds === null || lagSeconds <= REPLICA_LAG_NOTICE_SECONDS) return null;
  return { kind: "behind", seconds: Math.round(lagSeconds) };
}
