import { CircuitBreaker } from "./circuit-breaker";
import { expireUnpaidOrdersJob, restockInventoryJob, type BatchJob } from "./batch-jobs";
import { Faults } from "./faults";
import { Lifecycle } from "./lifecycle";
import { Network, type ServiceAddress } from "./network";
import { RateLimiter } from "./rate-limiter";
import { ShopService } from "./service";
import { createCouponService } from "./services/coupon";
import { createGateway } from "./services/gateway";
import { createInventoryService } from "./services/inventory";
import { NotificationQueue } from "./services/notification";
import { createOrderService } from "./services/order";
import { createPaymentService } from "./services/payment";
import { PROVIDER_NAME, createPaymentProvider } from "./services/payment-provider";
import { ShopClient } from "./shop-client";
import { ShopDb } from "./shop-db";
import { createServiceTelemetry, type TelemetryTarget } from "./telemetry";
import type { ShopTuning } from "./tuning";

// Wires the shop: one network, seven services each with its own telemetry, a pool per service
// that has a database, the fault switches, and the jobs. Nothing starts running here.

export interface ShopWiring {
  sightlineUrl: string;
  ingestKey: string;
  shopDatabaseUrl: string;
  instanceId: string;
  tuning: ShopTuning;
  onError: (error: unknown) => void;
}

export interface Shop {
  client: ShopClient;
  faults: Faults;
  lifecycle: Lifecycle;
  jobs: BatchJob[];
  services: ShopService[];
  /** Exports every service's pending spans and current metrics now. */
  flush(): Promise<void>;
  /** After the lifecycle has stopped: flushes and shuts down the telemetry, closes the pools. */
  close(): Promise<void>;
}

/**
 * How long a stop waits for the last spans to be taken. Where Sightline answers this takes
 * milliseconds; where it cannot be reached the spans held for it (redelivering-span-exporter.ts)
 * would wait forever, and a Ctrl-C should not hang on them (the stop test measured 6.6 s under CI
 * load with 5 s here, against its 8-s bound).
 */
const TELEMETRY_STOP_MS = 3000;

const VERSIONS: Record<string, string> = {
  gateway: "2.3.1",
  order: "1.14.0",
  inventory: "1.9.2",
  payment: "3.2.0",
  coupon: "1.4.7",
  notification: "1.1.3",
  [PROVIDER_NAME]: "2026.01",
};

export function createShop(wiring: ShopWiring): Shop {
  const { tuning, onError } = wiring;
  const lifecycle = new Lifecycle();
  const faults = new Faults();
  const network = new Network(lifecycle, tuning.hopLatencyMs);
  const target: TelemetryTarget = { ...wiring, metricExportMs: tuning.metricExportMs, spanExportDelayMs: tuning.spanExportDelayMs };
  const services: ShopService[] = [];
  const service = (name: string, address: ServiceAddress = { host: `${name}.shop.internal`, port: 8080, scheme: "http" }) => {
    const created = new ShopService(createServiceTelemetry(name, VERSIONS[name] ?? "1.0.0", target), network, address);
    services.push(created);
    return created;
  };
  const pools: ShopDb[] = [];
  const pool = (owner: ShopService, max: number) => {
    const db = new ShopDb(owner, { url: wiring.shopDatabaseUrl, max, connectTimeoutMs: tuning.poolConnectTimeoutMs, onPoolError: onError });
    pools.push(db);
    return db;
  };

  const gateway = service("gateway");
  const order = service("order");
  const inventory = service("inventory");
  const payment = service("payment");
  const coupon = service("coupon");
  const notification = service("notification");
  const provider = service(PROVIDER_NAME, { host: "api.acmepay.example", port: 443, scheme: "https" });

  const orderDb = pool(order, tuning.orderPoolMax);
  const inventoryDb = pool(inventory, tuning.poolMax);
  const queue = new NotificationQueue(notification, lifecycle, 40, onError);
  createGateway(gateway, new RateLimiter({ ratePerSecond: 5, burst: 10 }));
  createOrderService(order, orderDb, { faults, queue });
  createInventoryService(inventory, inventoryDb, faults);
  createPaymentService(payment, pool(payment, tuning.poolMax), {
    breaker: new CircuitBreaker({ failureThreshold: tuning.breakerFailureThreshold, openMs: tuning.breakerOpenMs }),
    providerTimeoutMs: tuning.providerTimeoutMs,
  });
  createCouponService(coupon, pool(coupon, tuning.couponPoolMax), faults);
  createPaymentProvider(provider, { faults, lifecycle, latencyMs: tuning.providerLatencyMs, callbackDelayMs: tuning.callbackDelayMs, onError });

  return {
    client: new ShopClient(network),
    faults,
    lifecycle,
    jobs: [expireUnpaidOrdersJob(order, orderDb, tuning.unpaidOrderTtlMs), restockInventoryJob(inventory, inventoryDb)],
    services,
    flush: async () => {
      await Promise.all(services.map((s) => s.telemetry.forceFlush()));
    },
    close: async () => {
      // With Sightline unreachable the exporters retry for up to their timeout; a stop (Ctrl-C)
      // should not wait that long for telemetry that cannot be delivered anyway.
      const telemetry = (async () => {
        await Promise.allSettled(services.map((s) => s.telemetry.forceFlush()));
        await Promise.allSettled(services.map((s) => s.telemetry.shutdown()));
      })();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([telemetry, new Promise((resolve) => (timer = setTimeout(resolve, TELEMETRY_STOP_MS)))]);
      clearTimeout(timer);
      await Promise.allSettled(pools.map((db) => db.end()));
    },
  };
}
