import type pg from "pg";
import { findPoolHolds } from "./find-pool-holds";
import { rankPoolHolders } from "./rank-pool-holders";
import type { PoolWait, PoolWaitWithHolders } from "./schemas";

// One wait with the requests that held its pool while it waited, best ranked first.

const REQUESTS_SHOWN = 10;

export async function explainPoolWait(db: Pick<pg.Pool, "query">, wait: PoolWait): Promise<PoolWaitWithHolders> {
  const window = { startMs: wait.startMs, endMs: wait.startMs + wait.durationMs };
  const holds = await findPoolHolds(db, { service: wait.service, fromMs: window.startMs, toMs: window.endMs });
  const ranked = rankPoolHolders([window], holds, new Set([wait.traceId]));
  return { ...wait, holders: { operations: ranked.operations, requests: ranked.requests.slice(0, REQUESTS_SHOWN) } };
}
