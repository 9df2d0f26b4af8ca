import pg from "pg";
import { runEvery, type Loop } from "@/lib/db/run-every";
import { checkDeadlines } from "./check-deadlines";
import { evaluateConsistency, type EvaluationResult } from "./evaluate-consistency";

// The evaluator's loop, started by `npm start` beside the partition upkeep: about every second,
// evaluate the queue until it is drained (a bounded number of batches per tick, so a backlog is
// worked off without starving the deadline timer), then settle the checks past their deadline.
// Every replica runs it; the evaluator's advisory lock lets one work at a time. A failure
// (database restarting, say) is logged once until the loop works again, and never stops it.

const TICK_MS = 1_000;
const BATCH = 2_000;
const MAX_BATCHES_PER_TICK = 20;

export type ConsistencyLoop = Loop;

export function startConsistencyLoop(databaseUrl: string, log: (line: string) => void, options: { onBatch?: (result: EvaluationResult) => void } = {}): ConsistencyLoop {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 30_000, application_name: "sightline-consistency" });
  pool.on("error", () => {}); // an idle client's lost connection: the next tick opens another
  pool.on("connect", (client) => client.on("error", () => {})); // a checked-out one's: its next query fails the tick
  return runEvery("consistency evaluation", TICK_MS, log, async (stopped) => {
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK && !stopped(); batch++) {
      const result = await evaluateConsistency(pool, { limit: BATCH });
      options.onBatch?.(result);
      if (!result.ran || result.taken < BATCH) break;
    }
    if (!stopped()) await checkDeadlines(pool, Date.now());
  }, () => pool.end());
}
