import pg from "pg";
import * as metricsRoute from "@/app/api/otlp/v1/metrics/route";
import * as tracesRoute from "@/app/api/otlp/v1/traces/route";
import { startDemoShop, type DemoShop } from "@/agents/demo-shop/start-demo-shop";
import { getPool } from "@/lib/db/client";
import { assertLocalDatabase } from "./assert-local-database";
import { createScratchDatabase } from "./scratch-database";
import { startRouteServer, type RouteServer } from "./route-server";
import { TEST_INGEST_KEY } from "./test-ingest-key";

// For the demo shop's integration tests: a shop database of its own next to the test's
// Sightline database (dropped afterwards), Sightline's real OTLP routes on a local port, and
// reads of what arrived, scoped to one run of the shop by its service.instance.id.

export interface ShopDatabase {
  url: string;
  name: string;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

export async function createShopDatabase(): Promise<ShopDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set (integration tests set it)");
  assertLocalDatabase(base);
  const { name, url, drop } = await createScratchDatabase(base, "demo_shop");
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: "demo-shop-test" });
  pool.on("error", () => {}); // DROP DATABASE ... WITH (FORCE) may reach a connection still closing
  return {
    url,
    name,
    async query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]) {
      return (await pool.query<R>(sql, params)).rows;
    },
    drop: async () => {
      await pool.end();
      await drop();
    },
  };
}

export function startOtlpServer(): Promise<RouteServer> {
  return startRouteServer({ "/api/otlp/v1/traces": tracesRoute, "/api/otlp/v1/metrics": metricsRoute });
}

export interface StoredSpan {
  trace_id: string;
  span_id: string;
  parent: string | null;
  service_name: string;
  name: string;
  kind: number;
  start_ns: string;
  duration_ms: number;
  status_code: number;
  status_message: string | null;
  is_timeout: boolean;
  attributes: Record<string, unknown>;
}

/** The spans one run of the shop sent (optionally only these traces), oldest first. */
export async function spansOf(instanceId: string, traceIds?: string[]): Promise<StoredSpan[]> {
  const { rows } = await getPool().query<StoredSpan>(
    `SELECT encode(s.trace_id, 'hex') AS trace_id, encode(s.span_id, 'hex') AS span_id, encode(s.parent_span_id, 'hex') AS parent,
            s.service_name, s.name, s.kind, s.start_ns::text, (s.duration_ns / 1e6)::float8 AS duration_ms, s.status_code, s.status_message,
            s.is_timeout, s.attributes
       FROM spans s JOIN resources r ON r.id = s.resource_id
      WHERE r.attributes->>'service.instance.id' LIKE $1 || '/%'
        AND ($2::text[] IS NULL OR encode(s.trace_id, 'hex') = ANY($2::text[]))
      ORDER BY s.start_ns`,
    [instanceId, traceIds ?? null],
  );
  return rows;
}

/** The exception events of one run's spans. */
export async function exceptionsOf(instanceId: string): Promise<{ span_id: string; type: string; message: string }[]> {
  const { rows } = await getPool().query<{ span_id: string; type: string; message: string }>(
    `SELECT encode(e.span_id, 'hex') AS span_id, e.attributes->>'exception.type' AS type, e.attributes->>'exception.message' AS message
       FROM span_events e JOIN spans s ON s.trace_id = e.trace_id AND s.span_id = e.span_id JOIN resources r ON r.id = s.resource_id
      WHERE e.name = 'exception' AND r.attributes->>'service.instance.id' LIKE $1 || '/%'`,
    [instanceId],
  );
  return rows;
}

export interface StoredPoint {
  service_name: string;
  name: string;
  attributes: Record<string, unknown>;
  value: number | null;
  count: number | null;
  sum: number | null;
  max: number | null;
}

/** Every metric point one run of the shop sent. */
export async function metricPointsOf(instanceId: string): Promise<StoredPoint[]> {
  const { rows } = await getPool().query<StoredPoint>(
    `SELECT ms.service_name, ms.name, ms.attributes, p.value, p.count::int AS count, p.sum, p.max
       FROM metric_points p JOIN metric_series ms ON ms.id = p.series_id JOIN resources r ON r.id = ms.resource_id
      WHERE r.attributes->>'service.instance.id' LIKE $1 || '/%'
      ORDER BY p.time`,
    [instanceId],
  );
  return rows;
}

/** Settings that make the shop's faults play out in a second or two. */
export const FAST_TUNING = {
  providerTimeoutMs: 300,
  providerLatencyMs: 20,
  callbackDelayMs: 60,
  orderPoolMax: 4,
  poolConnectTimeoutMs: 5000,
  faultMs: 2000,
  metricExportMs: 400,
  spanExportDelayMs: 200,
  batchEveryMs: 60_000,
  dailyShape: false,
  seed: 20260115,
} as const;

export interface TestShop {
  shop: DemoShop;
  shopDb: ShopDatabase;
  close(): Promise<void>;
}

/** A shop with no background traffic (only scenarios' own requests), on a fresh database. */
export async function startTestShop(): Promise<TestShop> {
  const server = await startOtlpServer();
  const shopDb = await createShopDatabase();
  const shop = await startDemoShop({ sightlineUrl: server.url, ingestKey: TEST_INGEST_KEY, shopDatabaseUrl: shopDb.url, rate: 0, tuning: FAST_TUNING, log: () => {} });
  return {
    shop,
    shopDb,
    close: async () => {
      await shop.stop();
      await shopDb.drop();
      await server.close();
    },
  };
}
