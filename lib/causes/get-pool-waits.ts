import type pg from "pg";
import { findPoolHolds } from "./find-pool-holds";
import { findPoolWaits } from "./find-pool-waits";
import { rankPoolHolders } from "./rank-pool-holders";
import type { PoolWaitsResponse } from "./schemas";

// GET /api/v1/causes/pool-waits: a service's waits for a database connection in a window and
// who held its pool during them. The holders are ranked over the union of the waits (a request
// holding the pool through three waits counts its time once). A request that waited and then
// held a connection while later requests waited is a holder of those later waits: its own
// hold starts when its wait ends, so no request is counted as holding during its own wait.

export const MIN_POOL_WAIT_MS = 100;
/** Waits read to find the holders; the totals count every wait. */
const WAITS_READ = 500;
const LONGEST_SHOWN = 10;
const REQUESTS_SHOWN = 10;

export async function getPoolWaits(db: Pick<pg.Pool, "query">, input: { service: string; fromMs: number; toMs: number }): Promise<PoolWaitsResponse> {
  const found = await findPoolWaits(db, { service: input.service, fromMs: input.fromMs, toMs: input.toMs, minWaitMs: MIN_POOL_WAIT_MS, limit: WAITS_READ });
  const windows = found.waits.map((w) => ({ startMs: w.startMs, endMs: w.startMs + w.durationMs }));
  const empty = { operations: [], requests: [] };
  let holders: PoolWaitsResponse["holders"] = empty;
  if (windows.length > 0) {
    const fromMs = Math.min(...windows.map((w) => w.startMs));
    const toMs = Math.max(...windows.map((w) => w.endMs));
    const holds = await findPoolHolds(db, { service: input.service, fromMs, toMs });
    const ranked = rankPoolHolders(windows, holds);
    holders = { operations: ranked.operations, requests: ranked.requests.slice(0, REQUESTS_SHOWN) };
  }
  return {
    service: input.service,
    waits: found.total.waits,
    timedOut: found.total.timedOut,
    totalWaitMs: found.total.totalWaitMs,
    maxWaitMs: found.waits[0]?.durationMs ?? null,
    minWaitMs: MIN_POOL_WAIT_MS,
    longest: found.waits.slice(0, LONGEST_SHOWN),
    holders,
  };
}
