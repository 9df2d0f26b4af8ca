import { SpanKind, trace, type Context, type Counter, type Histogram } from "@opentelemetry/api";
import pg from "pg";
import { describeStatement } from "./describe-statement";
import { recordError } from "./errors";
import * as sc from "./semconv";
import { enduserOf, type ShopService } from "./service";
import { formatTraceparent, withTraceparentComment } from "./sql-comment";

// A service's connection pool to the shop database, traced. Every statement is a CLIENT span
// (db.* semantic conventions) and goes to PostgreSQL with that span's traceparent as a
// sqlcommenter comment; every transaction also sets `sightline.traceparent` (the service span)
// and `sightline.actor` (the end user) with SET LOCAL. The db agent's audit trigger reads
// these, which is how an audit row finds the request that wrote it. Checking out a connection
// is a `pool.connect` span of its own, so a request stuck behind an exhausted pool shows it,
// with the requests in line (itself included), the connections in use and the pool size.

export interface Tx {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface ShopDbOptions {
  url: string;
  max: number;
  connectTimeoutMs: number;
  onPoolError: (error: Error) => void;
}

export class ShopDb {
  readonly pool: pg.Pool;
  private readonly database: string;
  private readonly host: string;
  private readonly port: number;
  private readonly waitTime: Histogram;
  private readonly timeouts: Counter;
  private readonly poolAttributes: Record<string, string>;
  private readonly max: number;

  constructor(
    private readonly service: ShopService,
    options: ShopDbOptions,
  ) {
    const url = new URL(options.url);
    this.database = decodeURIComponent(url.pathname.slice(1));
    this.host = url.hostname;
    this.port = Number(url.port || 5432);
    this.max = options.max;
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.max,
      connectionTimeoutMillis: options.connectTimeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: `demo-shop/${service.name}`,
    });
    this.pool.on("error", options.onPoolError); // an idle connection dropped by the server must not crash the shop
    this.poolAttributes = { [sc.ATTR_DB_CLIENT_CONNECTION_POOL_NAME]: service.name };
    const meter = service.meter;
    this.waitTime = meter.createHistogram(sc.METRIC_DB_CLIENT_CONNECTION_WAIT_TIME, {
      unit: "s",
      description: "The time it took to obtain an open connection from the pool.",
      advice: { explicitBucketBoundaries: sc.DURATION_BUCKETS_S },
    });
    this.timeouts = meter.createCounter(sc.METRIC_DB_CLIENT_CONNECTION_TIMEOUTS, { unit: "{timeout}", description: "Connection checkouts that timed out." });
    this.timeouts.add(0, this.poolAttributes);
    const pool = this.pool;
    const attributes = this.poolAttributes;
    meter
      .createObservableUpDownCounter(sc.METRIC_DB_CLIENT_CONNECTION_COUNT, { unit: "{connection}", description: "Connections by state." })
      .addCallback((result) => {
        result.observe(pool.totalCount - pool.idleCount, { ...attributes, [sc.ATTR_DB_CLIENT_CONNECTION_STATE]: "used" });
        result.observe(pool.idleCount, { ...attributes, [sc.ATTR_DB_CLIENT_CONNECTION_STATE]: "idle" });
      });
    meter
      .createObservableUpDownCounter(sc.METRIC_DB_CLIENT_CONNECTION_MAX, { unit: "{connection}", description: "The maximum number of open connections allowed." })
      .addCallback((result) => result.observe(options.max, attributes));
    meter
      .createObservableUpDownCounter(sc.METRIC_DB_CLIENT_CONNECTION_PENDING_REQUESTS, { unit: "{request}", description: "Requests waiting for a connection." })
      .addCallback((result) => result.observe(pool.waitingCount, attributes));
  }

  /** One statement on a pooled connection, outside a transaction (reads). */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(ctx: Context, sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    const client = await this.connect(ctx);
    try {
      return await this.run<R>(client, ctx, sql, params);
    } finally {
      client.release();
    }
  }

  /** Runs `work` in one transaction; a failure rolls it back and is rethrown. */
  async transaction<T>(ctx: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.connect(ctx);
    const parent = trace.getSpanContext(ctx);
    const actor = enduserOf(ctx) ?? `system:${this.service.name}`;
    const settings = [
      ...(parent ? [`SET LOCAL sightline.traceparent = ${client.escapeLiteral(formatTraceparent(parent))}`] : []),
      `SET LOCAL sightline.actor = ${client.escapeLiteral(actor)}`,
    ];
    let broken = false;
    try {
      await this.run(client, ctx, ["BEGIN", ...settings].join("; "));
      const result = await work({ query: (sql, params) => this.run(client, ctx, sql, params) });
      await this.run(client, ctx, "COMMIT");
      return result;
    } catch (error) {
      await this.run(client, ctx, "ROLLBACK").catch(() => {
        broken = true; // the connection is in an unknown state: destroy it rather than reuse it
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async end(): Promise<void> {
    await this.pool.end();
  }

  private async connect(ctx: Context): Promise<pg.PoolClient> {
    const span = this.service.tracer.startSpan("pool.connect", {
      kind: SpanKind.INTERNAL,
      attributes: { ...this.poolAttributes, [sc.ATTR_DB_SYSTEM_NAME]: "postgresql", [sc.ATTR_DB_NAMESPACE]: this.database, "db.client.connection.max": this.max },
    }, ctx);
    const started = performance.now();
    // pg-pool queues a checkout synchronously inside connect(), so the count read right after
    // the call includes this request (read before it, the first request to queue reported 0).
    // With the connections in use, it says whether the pool was full and how many stood in line.
    const checkout = this.pool.connect();
    span.setAttributes({
      "db.client.connection.pending_requests": this.pool.waitingCount,
      "db.client.connection.used": this.pool.totalCount - this.pool.idleCount,
    });
    try {
      return await checkout;
    } catch (error) {
      if (/timeout/i.test((error as Error).message)) this.timeouts.add(1, this.poolAttributes);
      recordError(span, error);
      throw error;
    } finally {
      const waitSeconds = (performance.now() - started) / 1000;
      span.setAttribute(sc.METRIC_DB_CLIENT_CONNECTION_WAIT_TIME, waitSeconds);
      span.end();
      this.waitTime.record(waitSeconds, this.poolAttributes);
    }
  }

  private async run<R extends pg.QueryResultRow>(client: pg.PoolClient, ctx: Context, sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    const summary = describeStatement(sql);
    const span = this.service.tracer.startSpan(summary.spanName, {
      kind: SpanKind.CLIENT,
      attributes: {
        [sc.ATTR_DB_SYSTEM_NAME]: "postgresql",
        [sc.ATTR_DB_SYSTEM]: "postgresql",
        [sc.ATTR_DB_NAMESPACE]: this.database,
        [sc.ATTR_DB_OPERATION_NAME]: summary.operationName,
        ...(summary.collectionName ? { [sc.ATTR_DB_COLLECTION_NAME]: summary.collectionName } : {}),
        [sc.ATTR_DB_QUERY_TEXT]: sql,
        [sc.ATTR_SERVER_ADDRESS]: this.host,
        [sc.ATTR_SERVER_PORT]: this.port,
      },
    }, ctx);
    try {
      const result = await client.query<R>(withTraceparentComment(sql, formatTraceparent(span.spanContext())), params);
      if (typeof result.rowCount === "number") span.setAttribute(sc.ATTR_DB_RESPONSE_RETURNED_ROWS, result.rowCount);
      return result;
    } catch (error) {
      recordError(span, error, { dbSpan: true });
      throw error;
    } finally {
      span.end();
    }
  }
}

