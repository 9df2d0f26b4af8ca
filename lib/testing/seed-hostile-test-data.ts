import type pg from "pg";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { auditChangeInputSchema } from "@/lib/schemas/audit";
import { gaugePoints, seedMetrics } from "./seed-metrics";
import { buildTrace, checkoutTree, makeLog, seedLogs, seedTraces } from "./seed-telemetry";

// A little of every signal, so the API walk's queries read real rows (numeric attributes
// compared with hostile numbers, windows over stored partitions) instead of an empty store.

const SUFFIX = "hostile";

/** Names present in the seeded data, offered to parameters as plausible values. */
export const SEEDED_NAMES = [`frontend-${SUFFIX}`, `checkout-${SUFFIX}`, "POST /api/checkout", "order.id=1001", "http.response.status_code=200", "queue.depth", "orders"];

export async function seedHostileTestData(pool: pg.Pool): Promise<void> {
  const now = Date.now();
  await seedTraces(pool, [buildTrace(checkoutTree({ suffix: SUFFIX }), now - 120_000), buildTrace(checkoutTree({ suffix: SUFFIX, paymentStatus: 2 }), now - 60_000)]);
  await seedLogs(pool, [makeLog({ service: `checkout-${SUFFIX}`, timeMs: now - 30_000, severityNumber: 17, body: "payment failed", attributes: { "order.id": 1001 } })]);
  await seedMetrics(pool, gaugePoints({ name: "queue.depth", service: `checkout-${SUFFIX}`, attributes: { queue: "emails", shard: 3 } }, [[now - 90_000, 4], [now - 30_000, 7]]));
  await storeAuditChanges(pool, [
    auditChangeInputSchema.parse({
      id: `${SUFFIX}:1`,
      database: "shop",
      table: "orders",
      op: "UPDATE",
      pk: { id: 1001 },
      before: { id: 1001, status: "new", total: 59.9 },
      after: { id: 1001, status: "paid", total: 59.9 },
      changedColumns: ["status"],
      committedAt: new Date(now - 45_000).toISOString(),
    }),
  ]);
}
