import { existsSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { retentionDays, type Env } from "../env";
import { removeOwnerPid, startEmbeddedPostgres, writeOwnerPid } from "./embedded-postgres";
import { maintainPartitions, type BeforeDrop } from "./maintain-partitions";
import { migrateDatabase } from "./migrate-database";

// Start-up's database step: find or start PostgreSQL, check it is new enough, migrate, and make
// today's partitions. Used by `npm start`, the test setup and the e2e server alike. Given
// `onGiveUp`, an embedded server is supervised (restarted when it dies; see supervise-postgres.ts).

export const MIN_SERVER_VERSION = 150000;

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  /** The embedded server's log (the db agent reads deadlocks from it); unset for DATABASE_URL. */
  serverLogFile?: string;
  /** The embedded postmaster's pid (changes when it is restarted); unset for DATABASE_URL. */
  pid?: () => number | undefined;
  stop(): Promise<void>;
}

export interface PrepareOptions {
  /** Restart the embedded server when it dies; called when restarting keeps failing. */
  onGiveUp?: (reason: string) => void;
  restartDelaysMs?: readonly number[];
  /** Partition upkeep's hook before it drops days past retention (maintain-partitions.ts). */
  beforeDrop?: BeforeDrop;
}

export async function prepareDatabase(env: Env, log: (line: string) => void, options: PrepareOptions = {}): Promise<PreparedDatabase> {
  let database: PreparedDatabase;
  if (env.DATABASE_URL) {
    await checkServer(env.DATABASE_URL);
    database = { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  } else {
    const serverLogFile = path.resolve(env.SIGHTLINE_DATA_DIR, "postgresql.log");
    rotateIfLarge(serverLogFile);
    const { onGiveUp, restartDelaysMs } = options;
    const embedded = await startEmbeddedPostgres({
      dataDir: env.SIGHTLINE_DATA_DIR,
      port: env.SIGHTLINE_EMBEDDED_DB_PORT,
      serverLogFile,
      log,
      home: env.SIGHTLINE_EMBEDDED_DB_HOME,
      supervise: onGiveUp ? { onGiveUp, restartDelaysMs } : undefined,
    });
    await writeOwnerPid(env.SIGHTLINE_DATA_DIR);
    log(`embedded PostgreSQL ready on 127.0.0.1:${embedded.port} (data in ${embedded.dataDir})`);
    database = {
      url: embedded.url,
      embedded: true,
      serverLogFile,
      pid: () => embedded.pid(),
      stop: async () => {
        await embedded.stop();
        await removeOwnerPid(env.SIGHTLINE_DATA_DIR);
      },
    };
  }
  try {
    const applied = await migrateDatabase(database.url, log);
    if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
    await runPartitionMaintenance(database.url, env, log, options.beforeDrop);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

export async function runPartitionMaintenance(url: string, env: Env, log: (line: string) => void, beforeDrop?: BeforeDrop) {
  const client = new pg.Client({ connectionString: url, application_name: "sightline-maintenance" });
  await client.connect();
  try {
    const { created, dropped } = await maintainPartitions(client, {
      retention: { ...retentionDays(env) },
      daysAhead: env.SIGHTLINE_PARTITION_DAYS_AHEAD,
      ...(beforeDrop ? { beforeDrop } : {}),
    });
    if (created.length) log(`created ${created.length} partitions ahead of time`);
    if (dropped.length) log(`dropped ${dropped.length} partitions past retention: ${dropped.join(", ")}`);
  } finally {
    await client.end();
  }
}

async function checkServer(url: string) {
  const where = describeUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`cannot connect to DATABASE_URL (${where}): ${error instanceof Error ? error.message : String(error)}; check the URL or unset it to use the embedded database`);
  }
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    const version = Number(rows[0]?.server_version_num);
    if (version < MIN_SERVER_VERSION) throw new Error(`DATABASE_URL (${where}) is PostgreSQL ${Math.floor(version / 10000)}; Sightline needs 15 or newer`);
  } finally {
    await client.end();
  }
}

const MAX_SERVER_LOG_BYTES = 32 * 1024 * 1024;

/** Keeps one previous log: the server log is appended to on every start and would grow forever. */
function rotateIfLarge(file: string) {
  if (existsSync(file) && statSync(file).size > MAX_SERVER_LOG_BYTES) renameSync(file, `${file}.1`);
}

/** host:port/database without the password, for messages. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}
