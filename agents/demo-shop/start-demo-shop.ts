import { cpuPercent } from "./cpu-usage";
import { createShop } from "./create-shop";
import { ensureShopDatabase } from "./ensure-shop-database";
import { StoppedError } from "./lifecycle";
import { createScenarioRunner } from "./scenarios/run-scenario";
import type { ScenarioName, ScenarioOutcome } from "./scenarios/scenario";
import { scheduleScenarios } from "./scenarios/schedule-scenarios";
import { Shoppers } from "./shopper";
import { newInstanceId } from "./telemetry";
import { Traffic } from "./traffic";
import { seededRandom } from "./traffic-shape";
import { DEFAULT_TUNING, type ShopTuning } from "./tuning";

// The demo shop as one call: make sure its database exists, wire the services, start the
// traffic, the batch jobs, the periodic log line and (optionally) scheduled faults. Used by
// `npm start` (beside the app) and by `npm run demo` (agents/demo-shop/cli.ts).

export type { ScenarioName, ScenarioOutcome } from "./scenarios/scenario";
export { SCENARIO_NAMES, isScenarioName } from "./scenarios/scenario";
export type { ShopTuning } from "./tuning";

export interface DemoShopOptions {
  /** Sightline's base URL; telemetry goes to `<url>/api/otlp/v1/{traces,metrics}` */
  sightlineUrl: string;
  ingestKey: string;
  /** the shop's own database (created with its schema when missing) */
  shopDatabaseUrl: string;
  log?: (line: string) => void;
  /** mean background requests per second over a day (default 2; 0 for none) */
  rate?: number;
  /** trigger fault scenarios now and then: true for every ~5 minutes, or a period */
  schedule?: boolean | { everyMs: number };
  tuning?: Partial<ShopTuning>;
  /** tells this run's telemetry apart (service.instance.id = `<instanceId>/<service>`) */
  instanceId?: string;
}

export interface DemoShop {
  instanceId: string;
  /** Runs one fault scenario to its end (scenarios never overlap). */
  trigger(scenario: ScenarioName): Promise<ScenarioOutcome>;
  /** Exports all pending telemetry now. */
  flush(): Promise<void>;
  /** Stops traffic, jobs and scenarios, flushes telemetry, shuts down the SDKs, closes the pools. */
  stop(): Promise<void>;
}

const DEFAULT_SCHEDULE_MS = 5 * 60_000;
const REPORT_EVERY_MS = 60_000;
const STOP_GRACE_MS = 2000;

export async function startDemoShop(options: DemoShopOptions): Promise<DemoShop> {
  const log = options.log ?? ((line: string) => console.log(`[demo-shop] ${line}`));
  const tuning: ShopTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const rate = options.rate ?? 2;
  const instanceId = options.instanceId ?? newInstanceId();
  const onError = (error: unknown) => {
    if (!(error instanceof StoppedError)) log(`error: ${error instanceof Error ? error.message : String(error)}`);
  };

  const { created } = await ensureShopDatabase(options.shopDatabaseUrl);
  if (created) log("created the shop database and its seed data");
  const shop = createShop({ ...options, instanceId, tuning, onError });
  const { lifecycle } = shop;
  const random = seededRandom(tuning.seed);
  const traffic = new Traffic(new Shoppers(shop.client, random), lifecycle, shop.faults, { rate, dailyShape: tuning.dailyShape, random, onError });
  const trigger = createScenarioRunner({ client: shop.client, faults: shop.faults, tuning, lifecycle, random, log });

  traffic.start();
  every(tuning.batchEveryMs, async () => {
    for (const job of shop.jobs) await job().catch(onError);
  });
  let cpu = process.cpuUsage();
  let cpuAt = performance.now();
  every(REPORT_EVERY_MS, () => {
    const now = process.cpuUsage();
    const percent = cpuPercent(cpu, now, performance.now() - cpuAt);
    [cpu, cpuAt] = [now, performance.now()];
    const stats = traffic.takeStats();
    log(`${stats.requests} requests in the last minute (${stats.failed} failed, ${stats.rejected} rate-limited); process CPU ${percent.toFixed(1)}% of one core`);
  });
  if (options.schedule) {
    const everyMs = options.schedule === true ? DEFAULT_SCHEDULE_MS : options.schedule.everyMs;
    scheduleScenarios({ everyMs, lifecycle, random, run: trigger, onError });
  }
  log(`running: 7 services, ${rate} requests/s on average, telemetry to ${options.sightlineUrl} (instance ${instanceId})`);

  let stopped: Promise<void> | undefined;
  return {
    instanceId,
    trigger,
    flush: () => shop.flush(),
    stop: () => {
      stopped ??= (async () => {
        await lifecycle.stop(STOP_GRACE_MS);
        await shop.close();
        log("stopped");
      })();
      return stopped;
    },
  };

  function every(periodMs: number, work: () => Promise<void> | void) {
    lifecycle.spawn(async () => {
      while (!lifecycle.stopping) {
        await lifecycle.idle(periodMs);
        await work();
      }
    }, onError);
  }
}
