import type pg from "pg";
import { storeLockEvents } from "@/lib/audit/store-lock-events";
import type { DatabaseActivityInput } from "@/lib/schemas/database-activity";
import type { AgentEventInput, LockEventInput, LockStoreResult } from "@/lib/schemas/locks";
import { storeDatabaseActivity } from "./store-database-activity";

// POST /api/v1/ingest/locks: the agent's lock events and its activity samples arrive in one body
// (one queue, one backoff on the agent's side) and go to their own tables. Both writes are
// idempotent, so when the second fails the agent's retry of the whole body stores nothing twice.

export async function storeAgentEvents(pool: pg.Pool, events: AgentEventInput[]): Promise<LockStoreResult> {
  const locks = events.filter((e): e is LockEventInput => e.kind !== "activity");
  const samples = events.filter((e): e is DatabaseActivityInput => e.kind === "activity");
  const lockResult = await storeLockEvents(pool, locks);
  const activityResult = await storeDatabaseActivity(pool, samples);
  return { inserted: lockResult.inserted + activityResult.inserted, updated: lockResult.updated + activityResult.updated };
}
