import type { Attributes, ObservableResult } from "@opentelemetry/api";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { AggregationTemporality, MeterProvider, MetricReader, type PushMetricExporter, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import type { QueryTextMode } from "./config";
import { shippedQueryText } from "./lock-episodes";
import { cacheHitRatio, type HealthSnapshot } from "./sample-health";

// Database health as OpenTelemetry metrics, exported over OTLP/HTTP (protobuf) to Sightline by
// the real OpenTelemetry JS SDK. Names follow the OpenTelemetry Collector's postgresql receiver
// where it has one (postgresql.backends, postgresql.commits, postgresql.deadlocks, ...), so
// dashboards built for the receiver work; the rest use the same `postgresql.` namespace.
// Instruments are observable: each reports the latest snapshot when the agent collects, right
// after sampling, so one interval yields one consistent set of points.

/** ExportResultCode.SUCCESS of @opentelemetry/core (not a direct dependency of Sightline). */
const EXPORT_SUCCESS = 0;

export interface HealthMetricsOptions {
  sightlineUrl: string;
  ingestKey: string;
  database: string;
  server: { address: string; port: number };
  queryText: QueryTextMode;
  statementMaxLength: number;
  /** Another exporter (tests); default OTLP/protobuf to `<sightlineUrl>/api/otlp/v1/metrics`. */
  exporter?: PushMetricExporter;
}

export interface ExportOutcome {
  points: number;
  ok: boolean;
  error?: string;
}

/** A reader the agent drives itself: collect right after sampling, no timer of its own. */
class OnDemandReader extends MetricReader {
  protected override async onForceFlush() {}
  protected override async onShutdown() {}
}

export class HealthMetrics {
  private current: HealthSnapshot | undefined;
  private previous: HealthSnapshot | undefined;
  private outboxBacklog: number | undefined;
  private readonly provider: MeterProvider;
  private readonly reader: OnDemandReader;
  private readonly exporter: PushMetricExporter;
  private readonly db: Attributes;

  constructor(private readonly options: HealthMetricsOptions) {
    this.exporter =
      options.exporter ??
      new OTLPMetricExporter({
        url: `${options.sightlineUrl}/api/otlp/v1/metrics`,
        headers: { Authorization: `Bearer ${options.ingestKey}` },
        timeoutMillis: 10_000,
      });
    this.reader = new OnDemandReader({ aggregationTemporalitySelector: (type) => this.exporter.selectAggregationTemporality?.(type) ?? AggregationTemporality.CUMULATIVE });
    this.provider = new MeterProvider({
      resource: resourceFromAttributes({
        "service.name": "postgresql",
        "service.instance.id": `${options.server.address}:${options.server.port}/${options.database}`,
        "db.system": "postgresql",
        "db.system.name": "postgresql",
        "db.name": options.database,
        "db.namespace": options.database,
        "postgresql.database.name": options.database,
        "server.address": options.server.address,
        "server.port": options.server.port,
      }),
      readers: [this.reader],
    });
    this.db = { "db.namespace": options.database };
    this.defineInstruments();
  }

  /** Records a new snapshot; the next export reports it. */
  update(snapshot: HealthSnapshot, outboxBacklog?: number) {
    this.previous = this.current;
    this.current = snapshot;
    this.outboxBacklog = outboxBacklog;
  }

  /** Forgets the snapshot (the database is unreachable): nothing stale is exported. */
  clear() {
    this.previous = this.current = undefined;
  }

  async export(): Promise<ExportOutcome> {
    if (!this.current) return { points: 0, ok: true };
    const { resourceMetrics } = await this.reader.collect();
    const points = countPoints(resourceMetrics);
    const result = await new Promise<{ code: number; error?: Error }>((resolve) => this.exporter.export(resourceMetrics, resolve));
    return result.code === EXPORT_SUCCESS ? { points, ok: true } : { points, ok: false, error: result.error?.message ?? "export failed" };
  }

  async shutdown() {
    await this.provider.shutdown().catch(() => {});
  }

  private defineInstruments() {
    const meter = this.provider.getMeter("sightline-db-agent");
    const observe = (fn: (s: HealthSnapshot, r: ObservableResult) => void) => (r: ObservableResult) => {
      if (this.current) fn(this.current, r);
    };
    const gauge = (name: string, unit: string, description: string, fn: (s: HealthSnapshot, r: ObservableResult) => void) =>
      meter.createObservableGauge(name, { unit, description }).addCallback(observe(fn));
    const counter = (name: string, unit: string, description: string, value: (s: HealthSnapshot) => number) =>
      meter.createObservableCounter(name, { unit, description }).addCallback(observe((s, r) => r.observe(value(s), this.db)));
    const upDown = (name: string, unit: string, description: string, fn: (s: HealthSnapshot, r: ObservableResult) => void) =>
      meter.createObservableUpDownCounter(name, { unit, description }).addCallback(observe(fn));

    upDown("postgresql.backends", "1", "backend processes connected to this database", (s, r) => r.observe(s.backends, this.db));
    gauge("postgresql.connection.max", "{connections}", "max_connections", (s, r) => r.observe(s.maxConnections));
    gauge("postgresql.connection.count", "{connections}", "client connections of the whole server by database and state", (s, r) => {
      // The watched database under the name every other metric of this agent uses (its configured
      // name, which the Database page's tabs show); the server's other databases under their own.
      for (const c of s.connections) r.observe(c.count, { "db.namespace": c.self ? (this.db["db.namespace"]) : c.database, state: c.state });
    });
    gauge("postgresql.connection.utilization", "1", "client connections of the whole server / max_connections (pool exhaustion near 1)", (s, r) =>
      r.observe(s.connections.reduce((sum, c) => sum + c.count, 0) / s.maxConnections),
    );
    gauge("postgresql.idle_in_transaction.count", "{connections}", "sessions idle in a transaction", (s, r) => r.observe(s.idleInTransaction.count, this.db));
    gauge("postgresql.idle_in_transaction.max_duration", "s", "how long the oldest idle-in-transaction session has been idle", (s, r) =>
      r.observe(s.idleInTransaction.maxAgeSeconds, this.db),
    );
    gauge("postgresql.transaction.max_duration", "s", "age of the longest running transaction", (s, r) => r.observe(s.longestTransactionSeconds, this.db));
    gauge("postgresql.lock.waiting", "{sessions}", "sessions waiting for a lock", (s, r) => r.observe(s.lockWaits.count, this.db));
    gauge("postgresql.lock.wait.max_duration", "s", "longest current lock wait", (s, r) => r.observe(s.lockWaits.maxWaitSeconds, this.db));

    counter("postgresql.commits", "1", "transactions committed", (s) => s.counters.commits);
    counter("postgresql.rollbacks", "1", "transactions rolled back", (s) => s.counters.rollbacks);
    counter("postgresql.deadlocks", "{deadlock}", "deadlocks detected", (s) => s.counters.deadlocks);
    counter("postgresql.temp.io", "By", "bytes written to temporary files by queries", (s) => s.counters.tempBytes);
    counter("postgresql.temp_files", "{temp_file}", "temporary files created by queries", (s) => s.counters.tempFiles);
    counter("postgresql.blks_hit", "{blks_hit}", "blocks found in the buffer cache", (s) => s.counters.blocksHit);
    counter("postgresql.blks_read", "{blks_read}", "blocks read from disk", (s) => s.counters.blocksRead);
    gauge("postgresql.cache.hit_ratio", "1", "buffer cache hit ratio since the previous sample", (s, r) => {
      const ratio = cacheHitRatio(this.previous, s);
      if (ratio !== null) r.observe(ratio, this.db);
    });
    upDown("postgresql.db_size", "By", "database disk usage", (s, r) => {
      if (s.dbSizeBytes !== null) r.observe(s.dbSizeBytes, this.db);
    });

    gauge("postgresql.replication.data_delay", "By", "WAL not yet replayed by each standby", (s, r) => {
      for (const rep of s.replication) if (rep.dataDelayBytes !== null) r.observe(rep.dataDelayBytes, { replication_client: rep.client });
    });
    gauge("postgresql.wal.delay", "s", "replication lag of each standby by operation", (s, r) => {
      for (const rep of s.replication) {
        for (const [operation, value] of [["write", rep.writeLagSeconds], ["flush", rep.flushLagSeconds], ["replay", rep.replayLagSeconds]] as const) {
          if (value !== null) r.observe(value, { operation, replication_client: rep.client });
        }
      }
    });
    gauge("postgresql.replication.replay_delay", "s", "on a standby: time since the last replayed commit", (s, r) => {
      if (s.standbyReplayDelaySeconds !== null) r.observe(s.standbyReplayDelaySeconds, this.db);
    });

    const statement = (q: { queryId: string; query: string }): Attributes => {
      const text = shippedQueryText(q.query, { queryText: this.options.queryText, statementMaxLength: 300 });
      return { ...this.db, "postgresql.queryid": q.queryId, ...(text ? { "db.query.text": text } : {}) };
    };
    meter.createObservableCounter("postgresql.statement.calls", { unit: "{call}", description: "calls of the top statements (pg_stat_statements)" }).addCallback(
      observe((s, r) => s.statements?.forEach((q) => r.observe(q.calls, statement(q)))),
    );
    meter.createObservableCounter("postgresql.statement.duration", { unit: "s", description: "total execution time of the top statements" }).addCallback(
      observe((s, r) => s.statements?.forEach((q) => r.observe(q.totalSeconds, statement(q)))),
    );
    meter.createObservableCounter("postgresql.statement.rows", { unit: "{row}", description: "rows returned or changed by the top statements" }).addCallback(
      observe((s, r) => s.statements?.forEach((q) => r.observe(q.rows, statement(q)))),
    );
    gauge("sightline.db_agent.outbox.backlog", "{change}", "audit changes waiting in the outbox", (_s, r) => {
      if (this.outboxBacklog !== undefined) r.observe(this.outboxBacklog, this.db);
    });
  }
}

function countPoints(metrics: ResourceMetrics): number {
  return metrics.scopeMetrics.reduce((sum, scope) => sum + scope.metrics.reduce((n, m) => n + m.dataPoints.length, 0), 0);
}
