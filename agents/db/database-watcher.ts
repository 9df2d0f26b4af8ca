import pg from "pg";
import type { AuditChangeInput } from "@/lib/schemas/audit";
import { Backoff } from "./backoff";
import type { AgentConfig, DatabaseConfig } from "./config";
import { deadlockFromCounter, deadlockFromLog, relationOids, type DeadlockCounterReading } from "./deadlock-events";
import { HealthMetrics } from "./health-metrics";
import { installAudit, type InstallAuditReport } from "./install-triggers";
import { LockEpisodes } from "./lock-episodes";
import { LockEventQueue } from "./lock-event-queue";
import type { ParsedDeadlock } from "./parse-deadlock-log";
import { sampleActivity } from "./sample-activity";
import { createHealthSampler, type HealthSnapshot } from "./sample-health";
import { sampleLockWaits } from "./sample-locks";
import { outboxBacklog, readInstallToken, shipOutbox } from "./ship-outbox";
import type { SightlineClient } from "./sightline-client";
import { tagSql } from "./tag-sql";

// Everything the agent does for one monitored database. The database and Sightline fail
// independently: each has its own backoff, the outbox waits in the database while Sightline is
// away, and lock events wait in memory (bounded) until it is back.

const DB_SIZE_EVERY_MS = 60_000;
/**
 * Table statistics change slowly: an activity sample is sent this often, and on every interval
 * while a session is idle in a transaction (those come and go within seconds).
 */
const QUIET_ACTIVITY_EVERY_MS = 60_000;
/** The triggers are checked on every (re)connection and then this often, so a dropped one comes back. */
const INSTALL_CHECK_EVERY_MS = 60_000;

export interface WatcherHooks {
  /** Called with every audit batch before it is sent. */
  onAuditBatch?: (changes: AuditChangeInput[]) => void;
}

interface ServerFacts {
  currentDatabase: string;
  databaseOid: number;
  trackCommitTimestamp: boolean;
  logLinePrefix: string;
}

export class DatabaseWatcher {
  readonly pool: pg.Pool;
  private facts: ServerFacts | undefined;
  private installToken: string | undefined;
  private readonly dbBackoff = new Backoff();
  private readonly sightlineBackoff = new Backoff();
  private readonly installBackoff = new Backoff({ baseMs: 5_000, maxMs: 300_000 });
  private readonly episodes: LockEpisodes;
  private readonly lockEvents: LockEventQueue;
  private exporting: Promise<void> | undefined;
  private readonly sampler = createHealthSampler();
  private readonly metrics: HealthMetrics | undefined;
  private deadlockReading: DeadlockCounterReading | undefined;
  private lastSizeAt = 0;
  private lastActivityAt = 0;
  private checkedInstallAt = 0;
  private statementsNoteShown = false;
  private report = emptyReport();

  constructor(
    readonly config: DatabaseConfig,
    private readonly agent: Pick<AgentConfig, "intervalMs" | "batchSize" | "statementMaxLength" | "sightlineUrl" | "ingestKey">,
    private readonly sightline: SightlineClient,
    private readonly hooks: WatcherHooks = {},
  ) {
    const url = new URL(config.url);
    this.pool = new pg.Pool({
      connectionString: config.url,
      max: 3,
      application_name: "sightline-db-agent",
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 30_000,
    });
    // A connection dropped while idle (database restart) must not crash the agent; the next
    // query fails, and the backoff takes over.
    this.pool.on("error", () => {});
    this.lockEvents = new LockEventQueue(sightline, this.sightlineBackoff, (error) => this.sightlineFailed(error));
    this.episodes = new LockEpisodes({ database: config.name, queryText: config.queryText, statementMaxLength: agent.statementMaxLength, updateEveryMs: agent.intervalMs });
    if (config.metrics) {
      this.metrics = new HealthMetrics({
        sightlineUrl: agent.sightlineUrl,
        ingestKey: agent.ingestKey,
        database: config.name,
        server: { address: url.hostname, port: Number(url.port || 5432) },
        queryText: config.queryText,
        statementMaxLength: agent.statementMaxLength,
      });
    }
  }

  get name() {
    return this.config.name;
  }

  /** What the server says about itself; undefined until the first successful contact. */
  get server(): ServerFacts | undefined {
    return this.facts;
  }

  /** The main interval: install/ship audit, sample health, export metrics, send lock events. */
  async tick(options: { readsLog: boolean }): Promise<string> {
    if (this.dbBackoff.ready()) {
      try {
        await this.connect();
        await this.auditTick();
        await this.healthTick(options.readsLog);
        this.dbBackoff.succeed();
      } catch (error) {
        this.databaseFailed(error);
      }
    }
    this.report.lockEvents += await this.lockEvents.flush();
    return this.statusLine();
  }

  /** The fast interval: who waits for whom right now. */
  async lockTick(): Promise<void> {
    if (!this.config.locks || !this.facts || !this.dbBackoff.ready()) return;
    try {
      const events = this.episodes.observe(await sampleLockWaits(this.pool), Date.now());
      for (const event of events) this.lockEvents.add(event);
      if (events.length > 0) this.report.lockEvents += await this.lockEvents.flush();
    } catch (error) {
      this.databaseFailed(error);
    }
  }

  /** Deadlocks the agent read from the server log and routed to this database. */
  async addLoggedDeadlocks(deadlocks: ParsedDeadlock[]): Promise<void> {
    if (!this.config.locks || deadlocks.length === 0) return;
    const oids = [...new Set(deadlocks.flatMap(relationOids))];
    const relationNames = new Map<number, string>();
    if (oids.length > 0 && this.facts) {
      const { rows } = await this.pool
        .query<{ oid: number; name: string }>(tagSql("SELECT oid::int8::float8 AS oid, oid::regclass::text AS name FROM pg_class WHERE oid = ANY($1::oid[])"), [oids])
        .catch(() => ({ rows: [] as { oid: number; name: string }[] }));
      for (const row of rows) relationNames.set(row.oid, row.name);
    }
    const options = { database: this.name, queryText: this.config.queryText, statementMaxLength: this.agent.statementMaxLength, databaseOid: this.facts?.databaseOid, relationNames };
    for (const deadlock of deadlocks) {
      this.lockEvents.add(deadlockFromLog(deadlock, options, new Date().toISOString()));
      this.report.deadlocks++;
    }
  }

  async stop(): Promise<void> {
    // An export to an unreachable Sightline retries for seconds; a stopping agent waits a little.
    await Promise.race([this.exporting, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    await this.lockEvents.flush().catch(() => 0);
    await this.metrics?.shutdown();
    await this.pool.end().catch(() => {});
  }

  private async connect() {
    if (this.facts) return;
    const { rows } = await this.pool.query<ServerFacts>(
      tagSql(`SELECT current_database() AS "currentDatabase",
              (SELECT oid::int8::float8 FROM pg_database WHERE datname = current_database()) AS "databaseOid",
              current_setting('track_commit_timestamp') = 'on' AS "trackCommitTimestamp",
              current_setting('log_line_prefix') AS "logLinePrefix"`),
    );
    this.facts = rows[0];
    this.installToken = undefined;
    this.checkedInstallAt = 0;
    this.report.notes.add("connected");
  }

  private async auditTick() {
    if (this.config.tables.length > 0 && this.installBackoff.ready() && Date.now() - this.checkedInstallAt >= INSTALL_CHECK_EVERY_MS) {
      const client = await this.pool.connect();
      try {
        const result = await installAudit(client, this.config.tables, { queryText: this.config.queryText, statementMaxLength: this.agent.statementMaxLength });
        this.installBackoff.succeed();
        this.checkedInstallAt = Date.now();
        // A schema made anew has a new installation token, and so new change ids.
        if (result.schema !== "unchanged") this.installToken = undefined;
        const changed = describeInstall(result);
        if (changed) this.report.notes.add(changed);
      } catch (error) {
        // Only a database that went away is the database's failure; a wrong table list is the
        // configuration's, retried slowly while the rest keeps running.
        if (isConnectionError(error)) throw error;
        this.installBackoff.fail(error);
        this.report.notes.add(`audit install failed: ${(error as Error).message}`);
      } finally {
        client.release();
      }
    }
    if (!this.installToken) {
      const { rows } = await this.pool.query<{ present: boolean }>(tagSql("SELECT to_regclass('sightline_audit.outbox') IS NOT NULL AS present"));
      if (!rows[0]?.present) return;
      this.installToken = await readInstallToken(this.pool);
    }
    if (this.sightlineBackoff.ready()) await this.ship(this.installToken);
    this.report.backlog = await outboxBacklog(this.pool);
  }

  private async ship(installToken: string) {
    try {
      const shipped = await shipOutbox(this.pool, this.sightline, {
        database: this.name,
        installToken,
        batchSize: this.agent.batchSize,
        trackCommitTimestamp: this.facts?.trackCommitTimestamp ?? false,
        budgetMs: this.agent.intervalMs * 0.8,
        onSend: this.hooks.onAuditBatch,
      });
      this.report.shipped += shipped.shipped;
      this.report.duplicates += shipped.duplicates;
      if (shipped.refused > 0) this.report.notes.add(`Sightline refused ${shipped.refused} changes: ${shipped.refusals.join("; ")}`);
      this.sightlineBackoff.succeed();
    } catch (error) {
      if (!isSightlineError(error)) throw error;
      this.sightlineFailed(error);
    }
  }

  private async healthTick(readsLog: boolean) {
    if (!this.metrics && !this.config.locks) return;
    const withSize = Date.now() - this.lastSizeAt >= DB_SIZE_EVERY_MS;
    const snapshot: HealthSnapshot = await this.sampler.sample(this.pool, { withSize });
    if (withSize) this.lastSizeAt = Date.now();

    // Without the log, the counter is all there is to say a deadlock happened.
    const reading = { total: snapshot.counters.deadlocks, statsReset: snapshot.statsReset };
    if (this.config.locks && !readsLog) {
      const event = deadlockFromCounter(this.deadlockReading, reading, this.name, new Date().toISOString());
      if (event) {
        this.lockEvents.add(event);
        this.report.deadlocks += event.count;
      }
    }
    this.deadlockReading = reading;
    if (this.metrics) await this.activityTick();

    if (this.metrics && !this.exporting) {
      // Not awaited: the exporter retries a Sightline that is down for up to its timeout, and
      // that must not hold up shipping or the status line. One export at a time; a snapshot
      // taken while one is out is reported by the next.
      const metrics = this.metrics;
      metrics.update(snapshot, this.report.backlog);
      this.exporting = metrics
        .export()
        .then((outcome) => {
          if (outcome.ok) this.report.metricPoints += outcome.points;
          else this.report.notes.add(`metrics export failed: ${outcome.error}`);
        })
        .finally(() => (this.exporting = undefined));
    }
  }

  private async activityTick() {
    const sample = await sampleActivity(this.pool, { database: this.name, queryText: this.config.queryText, statementMaxLength: this.agent.statementMaxLength });
    if (sample.idleSessions.length === 0 && Date.now() - this.lastActivityAt < QUIET_ACTIVITY_EVERY_MS) return;
    this.lastActivityAt = Date.now();
    this.lockEvents.add(sample);
    this.report.activitySamples++;
  }

  private databaseFailed(error: unknown) {
    this.dbBackoff.fail(error);
    this.facts = undefined;
    this.episodes.reset();
    this.metrics?.clear();
  }

  private sightlineFailed(error: unknown) {
    const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs;
    if (retryAfter !== undefined) this.sightlineBackoff.failWithDelay(error, retryAfter);
    else this.sightlineBackoff.fail(error);
  }

  private statusLine(): string {
    const r = this.report;
    this.report = emptyReport();
    const parts: string[] = [];
    const retryIn = (b: Backoff) => `retry in ${Math.ceil(b.waitMs() / 1000)}s`;
    if (this.dbBackoff.consecutiveFailures > 0) {
      parts.push(`database unreachable (${this.dbBackoff.lastError}), ${retryIn(this.dbBackoff)}; the outbox waits in the database`);
    }
    if (this.installToken !== undefined || r.shipped || r.duplicates) {
      parts.push(`audit ${r.shipped} shipped${r.duplicates ? ` (${r.duplicates} already stored)` : ""}, outbox ${r.backlog ?? "?"}`);
    }
    if (this.config.locks) {
      parts.push(`locks ${this.episodes.openCount} waiting, ${r.lockEvents} events sent, ${r.deadlocks} deadlocks${this.lockEvents.size ? `, ${this.lockEvents.size} queued` : ""}`);
    }
    if (this.metrics) parts.push(`metrics ${r.metricPoints} points, ${r.activitySamples} activity samples`);
    if (this.lockEvents.dropped) parts.push(`${this.lockEvents.dropped} lock events dropped (queue full)`);
    if (this.lockEvents.refused) parts.push(`Sightline refused ${this.lockEvents.refused} lock events: ${this.lockEvents.refusals.join("; ")}`);
    if (this.sightlineBackoff.consecutiveFailures > 0) parts.push(`Sightline: ${this.sightlineBackoff.lastError}, ${retryIn(this.sightlineBackoff)}`);
    if (this.sampler.statementsNote && !this.statementsNoteShown) {
      this.statementsNoteShown = true;
      parts.push(`no top statements: ${this.sampler.statementsNote}`);
    }
    parts.push(...r.notes);
    return `${this.name}: ${parts.join(" · ")}`;
  }
}

function emptyReport() {
  return {
    shipped: 0,
    duplicates: 0,
    backlog: undefined as number | undefined,
    lockEvents: 0,
    deadlocks: 0,
    metricPoints: 0,
    activitySamples: 0,
    notes: new Set<string>(),
  };
}

function describeInstall(report: InstallAuditReport): string | undefined {
  const parts: string[] = [];
  if (report.schema !== "unchanged") parts.push(`audit schema ${report.schema}`);
  if (report.created.length) parts.push(`triggers added on ${report.created.join(", ")}`);
  if (report.updated.length) parts.push(`triggers updated on ${report.updated.join(", ")}`);
  if (report.removed.length) parts.push(`triggers removed from ${report.removed.join(", ")}`);
  return parts.length ? parts.join("; ") : undefined;
}

/** Errors of a database that is down or unreachable, as opposed to a query the database refused. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  if (code) return code.startsWith("08") || code.startsWith("57P") || /^E[A-Z]+$/.test(code);
  return /connect|terminat|timeout|ECONN|EHOSTUNREACH|ENOTFOUND/i.test(String((error as Error)?.message ?? error));
}

function isSightlineError(error: unknown): boolean {
  return (error as Error)?.name === "SightlineError";
}
