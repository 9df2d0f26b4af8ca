import type pg from "pg";
import { buildServiceHealth } from "./build-service-health";
import { mapCallTargets, readCallRows } from "./discover-calls";
import { readOperationRollups } from "./read-operation-rollups";
import type { ServiceHealthResponse } from "./schemas";

// GET /api/v1/service-health: every service and external peer of a window with its RED
// numbers, a sparkline, and a verdict against the same window a day and a week earlier. Four
// rollup reads and one bounded span read (callee discovery), side by side.

type Queryable = Pick<pg.Pool, "query">;

export const SPARKLINE_POINTS = 30;
const DAY_MS = 86_400_000;

export async function getServiceHealth(db: Queryable, window: { fromMs: number; toMs: number }): Promise<ServiceHealthResponse> {
  const shifted = (ms: number) => ({ fromMs: window.fromMs - ms, toMs: window.toMs - ms });
  const [current, day, week, calls] = await Promise.all([
    readOperationRollups(db, { ...window, slots: SPARKLINE_POINTS }),
    readOperationRollups(db, shifted(DAY_MS)),
    readOperationRollups(db, shifted(7 * DAY_MS)),
    readCallRows(db, window),
  ]);
  const seconds = (window.toMs - window.fromMs) / 1_000;
  const services = new Set(current.operations.map((op) => op.service));
  return {
    fromMs: window.fromMs,
    toMs: window.toMs,
    services: buildServiceHealth({
      current: { operations: current.operations, seconds, slots: current.slotCount, slotSeconds: current.slotMs / 1_000, lastSlotSeconds: current.lastSlotMs / 1_000 },
      baselines: { day: { operations: day.operations, seconds }, week: { operations: week.operations, seconds } },
      calls: mapCallTargets(calls.rows, services),
    }),
    percentilesSampled: current.sampled,
  };
}
