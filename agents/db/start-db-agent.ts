import { parseAgentConfig, type AgentConfig, type AgentConfigInput } from "./config";
import { DatabaseWatcher, type WatcherHooks } from "./database-watcher";
import { databaseOids } from "./deadlock-events";
import { compileLogLinePrefix } from "./log-line-prefix";
import { DeadlockLogReader, type ParsedDeadlock } from "./parse-deadlock-log";
import { createSightlineClient } from "./sightline-client";
import { LogFileTail } from "./tail-log-file";
import { tagSql } from "./tag-sql";

// The agent: one watcher per monitored database, two loops (the main interval ships, samples,
// exports and reports; the lock interval samples lock waits), and one reader per server log
// shared by the databases that name it. `npm run agent:db` runs it from the command line;
// `npm start` calls startDbAgent beside the app.

export interface DbAgentOptions extends AgentConfigInput {
  /** Where the per-interval status lines go (default: stdout). */
  log?: (line: string) => void;
  hooks?: WatcherHooks;
}

export interface DbAgent {
  stop(): Promise<void>;
}

interface LogSource {
  tail: LogFileTail;
  reader: DeadlockLogReader | undefined;
  watchers: DatabaseWatcher[];
  readable: boolean;
  error: string | undefined;
}

/** Validates `options` (throws ConfigError naming every problem) and starts the agent. */
export function startDbAgent(options: DbAgentOptions): DbAgent {
  return runDbAgent(parseAgentConfig(options), options);
}

/** Starts the agent with an already validated configuration. */
export function runDbAgent(config: AgentConfig, options: Pick<DbAgentOptions, "log" | "hooks"> = {}): DbAgent {
  const log = options.log ?? ((line: string) => console.log(`[sightline-db-agent] ${line}`));
  const sightline = createSightlineClient({ baseUrl: config.sightlineUrl, ingestKey: config.ingestKey });
  const watchers = config.databases.map((db) => new DatabaseWatcher(db, config, sightline, options.hooks));

  const sources = new Map<string, LogSource>();
  for (const watcher of watchers) {
    const file = watcher.config.logFile;
    if (!file || !watcher.config.locks) continue;
    const source = sources.get(file) ?? { tail: new LogFileTail(file, config.logBackfillBytes), reader: undefined, watchers: [], readable: false, error: undefined };
    source.watchers.push(watcher);
    sources.set(file, source);
  }
  const readsLog = (watcher: DatabaseWatcher) => [...sources.values()].some((s) => s.readable && s.watchers.includes(watcher));

  const main = every(config.intervalMs, async () => {
    for (const source of sources.values()) await pollLog(source, log);
    const lines = await Promise.all(watchers.map((w) => w.tick({ readsLog: readsLog(w) })));
    for (const line of lines) log(line);
  }, log);
  const locks = every(config.lockIntervalMs, async () => {
    await Promise.all(watchers.map((w) => w.lockTick()));
  }, log);

  return {
    async stop() {
      await Promise.all([main.stop(), locks.stop()]);
      await Promise.all(watchers.map((w) => w.stop()));
    },
  };
}

async function pollLog(source: LogSource, log: (line: string) => void) {
  // The log's line prefix comes from the server, so reading waits for a first connection.
  const owner = source.watchers.find((w) => w.server);
  if (!owner?.server) return;
  source.reader ??= new DeadlockLogReader(compileLogLinePrefix(owner.server.logLinePrefix));
  let text: string;
  try {
    text = await source.tail.read();
    if (!source.readable) log(`reading deadlocks from ${source.tail.currentPath ?? source.tail.target}`);
    source.readable = true;
    source.error = undefined;
  } catch (error) {
    const message = (error as Error).message;
    if (source.error !== message) log(`cannot read the server log ${source.tail.target} (${message}); deadlocks are counted from pg_stat_database instead`);
    source.readable = false;
    source.error = message;
    return;
  }
  // No new text since the last read: whatever the reader held back is complete.
  const deadlocks = text ? source.reader.push(text) : source.reader.flush();
  const routed = new Map<DatabaseWatcher, ParsedDeadlock[]>();
  for (const deadlock of deadlocks) {
    const target = await routeDeadlock(deadlock, source.watchers);
    if (target) routed.set(target, [...(routed.get(target) ?? []), deadlock]);
  }
  for (const [watcher, found] of routed) await watcher.addLoggedDeadlocks(found);
}

/**
 * Which monitored database a logged deadlock happened in: the log line's database (%d in
 * log_line_prefix), else the database of the locked relations, else where its processes are
 * connected, else the only database reading this log. A deadlock in a database nobody monitors
 * (Sightline's own, on a shared server) is left out.
 */
async function routeDeadlock(deadlock: ParsedDeadlock, watchers: DatabaseWatcher[]): Promise<DatabaseWatcher | undefined> {
  if (deadlock.database) return watchers.find((w) => w.server?.currentDatabase === deadlock.database);
  const oids = databaseOids(deadlock);
  if (oids.length > 0) return watchers.find((w) => w.server && oids.includes(w.server.databaseOid));
  const connected = watchers.find((w) => w.server);
  const pids = deadlock.processes.map((p) => p.pid);
  if (connected && pids.length > 0) {
    const { rows } = await connected.pool
      .query<{ datname: string | null }>(tagSql("SELECT datname FROM pg_stat_activity WHERE pid = ANY($1::int[]) AND datname IS NOT NULL"), [pids])
      .catch(() => ({ rows: [] as { datname: string | null }[] }));
    if (rows.length > 0) return watchers.find((w) => rows.some((r) => r.datname === w.server?.currentDatabase));
  }
  return watchers.length === 1 ? watchers[0] : undefined;
}

/** Runs `work` now and then `intervalMs` after each run ends (runs never overlap). */
function every(intervalMs: number, work: () => Promise<void>, log: (line: string) => void) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const run = async () => {
    running = work().catch((error: unknown) => log(`unexpected error: ${(error as Error).stack ?? String(error)}`));
    await running;
    running = undefined;
    if (!stopped) timer = setTimeout(() => void run(), intervalMs);
  };
  timer = setTimeout(() => void run(), 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
