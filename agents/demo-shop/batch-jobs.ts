import { ROOT_CONTEXT, SpanKind, trace } from "@opentelemetry/api";
import { recordError } from "./errors";
import * as sc from "./semconv";
import type { ShopService } from "./service";
import type { ShopDb } from "./shop-db";

// The shop's nightly-style housekeeping, run every minute in the demo: the order service
// expires orders left unpaid (a lost payment callback ends here too — the customer was charged
// but the order expires), and the inventory service restocks what runs low. Each run is the
// root span of its own trace and counts in shop.batch_job.runs / shop.batch_job.duration.

export type BatchJob = () => Promise<void>;

function batchJob(service: ShopService, name: string, work: (ctx: typeof ROOT_CONTEXT) => Promise<Record<string, number>>): BatchJob {
  const runs = service.meter.createCounter(sc.METRIC_BATCH_JOB_RUNS, { unit: "{run}", description: "Batch job runs by outcome." });
  const duration = service.meter.createHistogram(sc.METRIC_BATCH_JOB_DURATION, { unit: "s", description: "Batch job run duration.", advice: { explicitBucketBoundaries: sc.DURATION_BUCKETS_S } });
  return async () => {
    const span = service.tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes: { "job.name": name } }, ROOT_CONTEXT);
    const started = performance.now();
    let outcome = "success";
    try {
      span.setAttributes(await work(trace.setSpan(ROOT_CONTEXT, span)));
    } catch (error) {
      outcome = "failure";
      recordError(span, error);
      throw error;
    } finally {
      span.end();
      runs.add(1, { "job.name": name, outcome });
      duration.record((performance.now() - started) / 1000, { "job.name": name, outcome });
    }
  };
}

export function expireUnpaidOrdersJob(service: ShopService, db: ShopDb, unpaidOrderTtlMs: number): BatchJob {
  return batchJob(service, "expire-unpaid-orders", (ctx) =>
    db.transaction(ctx, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        "UPDATE orders SET status = 'EXPIRED', updated_at = now() WHERE status IN ('NEW', 'PENDING_PAYMENT') AND created_at < now() - make_interval(secs => $1) RETURNING id",
        [unpaidOrderTtlMs / 1000],
      );
      const ids = rows.map((row) => row.id);
      if (ids.length) {
        await tx.query(
          `UPDATE inventory i SET on_hand = i.on_hand + s.quantity, updated_at = now()
             FROM (SELECT product_id, sum(quantity)::int AS quantity FROM order_items WHERE order_id = ANY($1::bigint[]) GROUP BY product_id) s
            WHERE i.product_id = s.product_id`,
          [ids],
        );
      }
      return { "job.orders_expired": ids.length };
    }),
  );
}

export function restockInventoryJob(service: ShopService, db: ShopDb): BatchJob {
  return batchJob(service, "restock-inventory", (ctx) =>
    db.transaction(ctx, async (tx) => {
      const { rowCount } = await tx.query("UPDATE inventory SET on_hand = on_hand + 300, updated_at = now() WHERE on_hand < 100");
      return { "job.products_restocked": rowCount ?? 0 };
    }),
  );
}
